package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.receivables.invoicing.cash.match.Decision;
import org.receivables.invoicing.cash.match.EntryStatus;
import org.receivables.invoicing.cash.match.Matcher;
import org.receivables.invoicing.cash.match.Transfer;
import org.receivables.invoicing.cash.statement.BalanceCheck;
import org.receivables.invoicing.cash.statement.ParsedStatement;
import org.receivables.invoicing.cash.statement.StatementFormatException;
import org.receivables.invoicing.cash.statement.StatementReader;
import org.receivables.kit.problem.ProblemException;

/**
 * Imports a statement in one transaction: entries its account already has (an overlapping or
 * repeated statement) are linked, never processed again; new credits are matched and, when the
 * decision is MATCHED, applied; debits and pending entries are recorded and ignored; a returned
 * transfer reverses the payments of the entry it returns.
 */
@ApplicationScoped
public class StatementImport {

  /** The statement's summary and whether this call created it. */
  public record Imported(StatementSummary summary, boolean created) {}

  /** What the API answers for a statement. */
  public record StatementSummary(
      UUID id,
      String account,
      String format,
      int entries,
      Map<EntryStatus, Long> counts,
      Boolean balanced,
      String balanceNote) {}

  @Inject EntryStore store;
  @Inject EntryApplication application;
  @Inject SqlBook books;
  @Inject CashConfig config;
  @Inject EntityManager em;

  @Transactional
  public Imported importStatement(String tenantId, String mediaType, byte[] body) {
    ParsedStatement s;
    try {
      s = StatementReader.read(mediaType, body);
    } catch (StatementFormatException e) {
      throw ProblemException.invalid("statement", e.getMessage());
    }
    Optional<UUID> existing = store.findStatement(tenantId, s.account(), s.statementKey());
    if (existing.isPresent()) {
      return new Imported(summary(tenantId, existing.get()), false);
    }
    UUID id = UUID.randomUUID();
    if (!store.insertStatement(
        id, tenantId, s, BalanceCheck.balanced(s), BalanceCheck.problem(s).orElse(null))) {
      return new Imported(
          summary(
              tenantId, store.findStatement(tenantId, s.account(), s.statementKey()).orElseThrow()),
          false);
    }
    Matcher.Settings settings = config.settings(tenantId);
    int position = 0;
    for (ParsedStatement.Entry e : s.entries()) {
      boolean[] isNew = new boolean[1];
      UUID entryId = store.insertEntry(tenantId, s.account(), e, isNew);
      store.link(tenantId, id, entryId, position++);
      if (isNew[0]) {
        process(tenantId, store.find(tenantId, entryId, false).orElseThrow(), e, settings);
      }
    }
    return new Imported(summary(tenantId, id), true);
  }

  private void process(
      String tenantId, EntryRow entry, ParsedStatement.Entry e, Matcher.Settings settings) {
    if (!e.booked()) {
      ignore(entry, "not booked by the bank yet (pending)");
    } else if (e.reversal() || !e.credit()) {
      returned(tenantId, entry, e);
    } else {
      Decision d =
          Matcher.match(
              new Transfer(
                  e.amount(),
                  e.currency(),
                  e.bookingDate(),
                  e.debtorName(),
                  e.debtorIban(),
                  e.remittance()),
              books.of(tenantId),
              settings);
      if (d.status() == EntryStatus.MATCHED) {
        application.apply(
            tenantId,
            entry,
            d.chosen().allocations(),
            d.chosen().customerId(),
            d.chosen().onAccount(),
            "applied automatically");
      }
      store.saveDecision(entry.id(), d, d.chosen() == null ? null : d.chosen().customerId());
    }
  }

  private void returned(String tenantId, EntryRow entry, ParsedStatement.Entry e) {
    if (!e.reversal()) {
      ignore(entry, "a debit: recorded, never matched");
      return;
    }
    Optional<UUID> original = store.returnedOriginal(tenantId, entry);
    if (original.isEmpty()) {
      ignore(
          entry,
          "a returned transfer; no applied entry of this account has its end-to-end id and amount");
      return;
    }
    EntryRow applied = store.find(tenantId, original.get(), true).orElseThrow();
    application.undo(tenantId, applied, "transfer returned by the bank (entry " + entry.id() + ")");
    store.update(
        applied.id(),
        EntryStatus.UNMATCHED.name(),
        null,
        null,
        null,
        List.of(
            "its transfer was returned by the bank (entry " + entry.id() + "); payments reversed"));
    ignore(entry, "a returned transfer: the payments of entry " + applied.id() + " were reversed");
  }

  private void ignore(EntryRow entry, String reason) {
    store.update(entry.id(), EntryStatus.IGNORED.name(), null, null, List.of(), List.of(reason));
  }

  public StatementSummary summary(String tenantId, UUID id) {
    List<?> rows =
        em.createNativeQuery(
                "select account, format, entries, balanced, balance_note from bank_statement where"
                    + " tenant_id = :t and id = :id")
            .setParameter("t", tenantId)
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Bank statement", id);
    }
    Object[] r = (Object[]) rows.get(0);
    List<?> statuses =
        em.createNativeQuery(
                "select e.status from bank_statement_entry l join bank_entry e on e.id = l.entry_id"
                    + " where l.tenant_id = :t and l.statement_id = :id")
            .setParameter("t", tenantId)
            .setParameter("id", id)
            .getResultList();
    Map<EntryStatus, Long> counts =
        statuses.stream()
            .map(x -> EntryStatus.valueOf((String) x))
            .collect(Collectors.groupingBy(x -> x, Collectors.counting()));
    return new StatementSummary(
        id,
        (String) r[0],
        (String) r[1],
        ((Number) r[2]).intValue(),
        counts,
        (Boolean) r[3],
        (String) r[4]);
  }

  /** The statement's entries in statement order, optionally of one status. */
  public List<EntryRow> entries(String tenantId, UUID statementId, EntryStatus status) {
    summary(tenantId, statementId);
    var query =
        em.createNativeQuery(
                "select "
                    + EntryRow.columns("e.")
                    + " from bank_statement_entry l join bank_entry e on e.id = l.entry_id where"
                    + " l.tenant_id = :t and l.statement_id = :id"
                    + (status == null ? "" : " and e.status = :s")
                    + " order by l.position")
            .setParameter("t", tenantId)
            .setParameter("id", statementId);
    if (status != null) {
      query.setParameter("s", status.name());
    }
    List<?> rows = query.getResultList();
    List<EntryRow> out = new ArrayList<>();
    rows.forEach(r -> out.add(EntryRow.of((Object[]) r)));
    return out;
  }

  /** What an applied entry paid, per invoice (payments still standing). */
  public List<Object[]> allocations(String tenantId, UUID entryId) {
    List<?> rows =
        em.createNativeQuery(
                "select pa.invoice_id, pa.amount from bank_entry_application a join payment p on"
                    + " p.id = a.payment_id join payment_allocation pa on pa.payment_id = p.id where"
                    + " a.tenant_id = :t and a.entry_id = :e and p.status = 'RECEIVED' order by"
                    + " pa.invoice_id")
            .setParameter("t", tenantId)
            .setParameter("e", entryId)
            .getResultList();
    return rows.stream().map(Object[].class::cast).toList();
  }
}
