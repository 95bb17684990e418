package org.receivables.invoicing.cash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.invoicing.cash.match.Decision;
import org.receivables.invoicing.cash.statement.ParsedStatement;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantContext;

/**
 * The cash tables in plain SQL: statements, entries (unique per account and bank reference, so an
 * overlapping statement finds the entries it shares with an earlier one), what applying an entry
 * made, and the entry audit trail.
 */
@ApplicationScoped
public class EntryStore {

  /** One row of a decision's ranked candidates, as stored and shown. */
  public record CandidateRow(
      UUID invoiceId, UUID customerId, BigDecimal amount, BigDecimal confidence) {}

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject TenantContext tenant;
  @Inject Clock clock;

  Optional<UUID> findStatement(String tenantId, String account, String key) {
    return em
        .createNativeQuery(
            "select id from bank_statement where tenant_id = :t and account = :a and statement_key = :k")
        .setParameter("t", tenantId)
        .setParameter("a", account)
        .setParameter("k", key)
        .getResultList()
        .stream()
        .findFirst()
        .map(UUID.class::cast);
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

  /**
   * Inserts the entry unless its account already has it; the stored id either way, and whether new.
   */
  UUID insertEntry(String tenantId, String account, ParsedStatement.Entry e, boolean[] isNew) {
    UUID id = UUID.randomUUID();
    int n =
        em.createNativeQuery(
                "insert into bank_entry (id, tenant_id, account, entry_key, entry_reference, amount,"
                    + " currency, credit, reversal, booking_date, debtor_name, debtor_iban,"
                    + " remittance, end_to_end_id, status, candidates, reasons, version, created_at,"
                    + " processed) values (:id, :t, :a, :k, :r, :amt, :cur, :cr, :rv, :bd, :dn, :di,"
                    + " :rm, :e2e, 'UNMATCHED', '[]', '[]', 0, :at, false)"
                    + " on conflict (tenant_id, account, entry_key) do nothing")
            .setParameter("id", id)
            .setParameter("t", tenantId)
            .setParameter("a", account)
            .setParameter("k", e.entryKey())
            .setParameter("r", e.entryReference())
            .setParameter("amt", e.amount())
            .setParameter("cur", e.currency())
            .setParameter("cr", e.credit())
            .setParameter("rv", e.reversal())
            .setParameter("bd", e.bookingDate())
            .setParameter("dn", e.debtorName())
            .setParameter("di", e.debtorIban())
            .setParameter("rm", e.remittance())
            .setParameter("e2e", e.endToEndId())
            .setParameter("at", Instant.now(clock))
            .executeUpdate();
    isNew[0] = n == 1;
    if (n == 1) {
      return id;
    }
    return (UUID)
        em.createNativeQuery(
                "select id from bank_entry where tenant_id = :t and account = :a and entry_key = :k")
            .setParameter("t", tenantId)
            .setParameter("a", account)
            .setParameter("k", e.entryKey())
            .getSingleResult();
  }

  void link(String tenantId, UUID statementId, UUID entryId, int position) {
    em.createNativeQuery(
            "insert into bank_statement_entry (tenant_id, statement_id, entry_id, position)"
                + " values (:t, :s, :e, :p) on conflict do nothing")
        .setParameter("t", tenantId)
        .setParameter("s", statementId)
        .setParameter("e", entryId)
        .setParameter("p", position)
        .executeUpdate();
  }

  Optional<EntryRow> find(String tenantId, UUID entryId, boolean lock) {
    return NamedRows.first(
        em.createNativeQuery(
                "select "
                    + EntryRow.COLUMNS
                    + " from bank_entry where tenant_id = :t and id = :id"
                    + (lock ? " for update" : ""),
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("id", entryId),
        EntryRow.class);
  }

  /**
   * Locks up to {@code limit} of the statement's entries not processed yet, in statement order. A
   * concurrent import of the same statement waits here, then finds them processed.
   */
  List<EntryRow> lockUnprocessed(String tenantId, UUID statementId, int limit) {
    return NamedRows.list(
        em.createNativeQuery(
                "select "
                    + EntryRow.columns("e.")
                    + " from bank_statement_entry l join bank_entry e on e.id = l.entry_id where"
                    + " l.tenant_id = :t and l.statement_id = :s and not e.processed order by"
                    + " l.position limit :n for update of e",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("s", statementId)
            .setParameter("n", limit),
        EntryRow.class);
  }

  /** Whether the entry still waits for its decision (read under the caller's lock). */
  boolean unprocessed(UUID entryId) {
    return !(Boolean)
        em.createNativeQuery("select processed from bank_entry where id = :id")
            .setParameter("id", entryId)
            .getSingleResult();
  }

  /** The applied credit entry a returned transfer undoes, if any. */
  Optional<UUID> returnedOriginal(String tenantId, EntryRow reversal) {
    if (reversal.endToEndId() == null) {
      return Optional.empty();
    }
    return em
        .createNativeQuery(
            "select id from bank_entry where tenant_id = :t and account = :a and credit and not"
                + " reversal and end_to_end_id = :e and amount = :amt and status = 'MATCHED'"
                + " order by booking_date desc limit 1")
        .setParameter("t", tenantId)
        .setParameter("a", reversal.account())
        .setParameter("e", reversal.endToEndId())
        .setParameter("amt", reversal.amount())
        .getResultList()
        .stream()
        .findFirst()
        .map(UUID.class::cast);
  }

  void saveDecision(UUID entryId, Decision d, UUID customerId) {
    List<CandidateRow> rows = new ArrayList<>();
    for (var c : d.candidates()) {
      BigDecimal conf = BigDecimal.valueOf(c.confidence()).setScale(4, RoundingMode.HALF_UP);
      if (c.allocations().isEmpty()) {
        rows.add(new CandidateRow(null, c.customerId(), c.onAccount(), conf));
      }
      c.allocations()
          .forEach(
              a -> rows.add(new CandidateRow(a.invoiceId(), c.customerId(), a.amount(), conf)));
    }
    update(
        entryId,
        d.status().name(),
        customerId,
        BigDecimal.valueOf(d.confidence()),
        rows,
        d.reasons());
  }

  void update(
      UUID entryId,
      String status,
      UUID customerId,
      BigDecimal confidence,
      List<CandidateRow> candidates,
      List<String> reasons) {
    var q =
        em.createNativeQuery(
                "update bank_entry set status = :s, customer_id = :c, confidence = :conf,"
                    + (candidates == null ? "" : " candidates = :cand,")
                    + " reasons = :r, processed = true, version = version + 1 where id = :id")
            .setParameter("s", status)
            .setParameter("c", customerId)
            .setParameter(
                "conf", confidence == null ? null : confidence.setScale(4, RoundingMode.HALF_UP))
            .setParameter("r", write(reasons))
            .setParameter("id", entryId);
    if (candidates != null) {
      q.setParameter("cand", write(candidates));
    }
    q.executeUpdate();
  }

  void recordApplication(String tenantId, UUID entryId, UUID paymentId, UUID creditId) {
    em.createNativeQuery(
            "insert into bank_entry_application (id, tenant_id, entry_id, payment_id,"
                + " account_credit_id) values (:id, :t, :e, :p, :c)")
        .setParameter("id", UUID.randomUUID())
        .setParameter("t", tenantId)
        .setParameter("e", entryId)
        .setParameter("p", paymentId)
        .setParameter("c", creditId)
        .executeUpdate();
  }

  /** What applying an entry made: a payment, or cash left on the customer's account. */
  record Application(UUID paymentId, UUID accountCreditId) {}

  List<Application> applications(String tenantId, UUID entryId) {
    return NamedRows.list(
        em.createNativeQuery(
                "select payment_id, account_credit_id from bank_entry_application where tenant_id ="
                    + " :t and entry_id = :e",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("e", entryId),
        Application.class);
  }

  void clearApplications(String tenantId, UUID entryId) {
    em.createNativeQuery(
            "delete from bank_entry_application where tenant_id = :t and entry_id = :e")
        .setParameter("t", tenantId)
        .setParameter("e", entryId)
        .executeUpdate();
  }

  void audit(String tenantId, UUID entryId, String action, String detail) {
    em.createNativeQuery(
            "insert into bank_entry_audit (tenant_id, entry_id, at, principal, action, detail)"
                + " values (:t, :e, :at, :p, :a, :d)")
        .setParameter("t", tenantId)
        .setParameter("e", entryId)
        .setParameter("at", Instant.now(clock))
        .setParameter("p", tenant.boundTenant().isPresent() ? principal() : "system")
        .setParameter("a", action)
        .setParameter("d", detail)
        .executeUpdate();
  }

  private String principal() {
    try {
      return tenant.principal();
    } catch (RuntimeException e) {
      return "system";
    }
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  <T> T read(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
