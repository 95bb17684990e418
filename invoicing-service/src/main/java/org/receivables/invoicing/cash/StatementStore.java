package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.receivables.invoicing.cash.statement.ParsedStatement;
import org.receivables.invoicing.cash.statement.ParsedStatement.Entry;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kit.jdbc.NamedRows;

/**
 * Records statements and their entries in plain SQL. An entry is unique per account and bank
 * reference, so an overlapping statement finds the entries it shares with an earlier one; a
 * statement's entries are written in a few batched statements, whatever their number.
 */
@ApplicationScoped
public class StatementStore {

  @Inject EntityManager em;
  @Inject EntryStore entryStore;
  @Inject Clock clock;

  Optional<UUID> findStatement(String tenantId, String account, String key) {
    return NamedRows.column(
            em.createNativeQuery(
                    "select id from bank_statement where tenant_id = :t and account = :a and"
                        + " statement_key = :k")
                .setParameter("t", tenantId)
                .setParameter("a", account)
                .setParameter("k", key),
            UUID.class)
        .stream()
        .findFirst();
  }

  /** Inserts the statement unless a concurrent import did; true when this one did. */
  boolean insertStatement(
      UUID id, String tenantId, ParsedStatement s, Boolean balanced, String note) {
    return em.createNativeQuery(
                "insert into bank_statement (id, tenant_id, format, account, statement_key, currency,"
                    + " opening_balance, closing_balance, balanced, balance_note, entries, created_at)"
                    + " values (:id, :t, :f, :a, :k, :c, :o, :cl, :b, :n, :e, :at)"
                    + " on conflict (tenant_id, account, statement_key) do nothing")
            .setParameter("id", id)
            .setParameter("t", tenantId)
            .setParameter("f", s.format())
            .setParameter("a", s.account())
            .setParameter("k", s.statementKey())
            .setParameter("c", s.currency())
            .setParameter("o", s.opening())
            .setParameter("cl", s.closing())
            .setParameter("b", balanced)
            .setParameter("n", note)
            .setParameter("e", s.entries().size())
            .setParameter("at", Instant.now(clock))
            .executeUpdate()
        == 1;
  }

  /** An entry's key and stored id, as {@link #insertEntries} reads them back. */
  record KeyRow(String entryKey, UUID id) {}

  /**
   * Inserts the statement's entries its account does not have yet and links all of them to the
   * statement in order, a few batched statements for the lot. New entries that are never matched
   * (pending, debits) are stored IGNORED and processed; the rest wait for their decision.
   */
  void insertEntries(String tenantId, UUID statementId, String account, List<Entry> entries) {
    Instant at = Instant.now(clock);
    List<Object[]> rows = new ArrayList<>();
    for (Entry e : entries) {
      String ignored =
          !e.booked()
              ? "not booked by the bank yet (pending)"
              : !e.credit() && !e.reversal() ? "a debit: recorded, never matched" : null;
      rows.add(
          new Object[] {
            UUID.randomUUID(),
            tenantId,
            account,
            e.entryKey(),
            e.entryReference(),
            e.amount(),
            e.currency(),
            e.credit(),
            e.reversal(),
            e.bookingDate(),
            e.debtorName(),
            e.debtorIban(),
            e.remittance(),
            e.endToEndId(),
            ignored == null ? "UNMATCHED" : "IGNORED",
            entryStore.write(ignored == null ? List.of() : List.of(ignored)),
            at,
            ignored != null
          });
    }
    JdbcBatch.insert(
        em,
        "insert into bank_entry (id, tenant_id, account, entry_key, entry_reference, amount,"
            + " currency, credit, reversal, booking_date, debtor_name, debtor_iban, remittance,"
            + " end_to_end_id, status, candidates, reasons, version, created_at, processed) values"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, 0, ?, ?)"
            + " on conflict (tenant_id, account, entry_key) do nothing",
        rows);
    Map<String, UUID> ids = new HashMap<>();
    NamedRows.list(
            em.createNativeQuery(
                    "select entry_key, id from bank_entry where tenant_id = :t and account = :a"
                        + " and entry_key in (:k)",
                    Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("a", account)
                .setParameter("k", entries.stream().map(Entry::entryKey).distinct().toList()),
            KeyRow.class)
        .forEach(k -> ids.put(k.entryKey(), k.id()));
    List<Object[]> links = new ArrayList<>();
    for (int p = 0; p < entries.size(); p++) {
      links.add(new Object[] {tenantId, statementId, ids.get(entries.get(p).entryKey()), p});
    }
    JdbcBatch.insert(
        em,
        "insert into bank_statement_entry (tenant_id, statement_id, entry_id, position)"
            + " values (?, ?, ?, ?) on conflict do nothing",
        links);
  }
}
