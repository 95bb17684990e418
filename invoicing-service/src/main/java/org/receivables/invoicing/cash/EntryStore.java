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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.receivables.invoicing.cash.match.Decision;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantContext;

/**
 * The cash tables in plain SQL: entries (recorded by {@link StatementStore}), their decisions, what
 * applying an entry made, the payers' accounts learnt and the entry audit trail.
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
    return !NamedRows.value(
        em.createNativeQuery("select processed from bank_entry where id = :id")
            .setParameter("id", entryId),
        Boolean.class);
  }

  /** The applied credit entry a returned transfer undoes, if any. */
  Optional<UUID> returnedOriginal(String tenantId, EntryRow reversal) {
    if (reversal.endToEndId() == null) {
      return Optional.empty();
    }
    return NamedRows.column(
            em.createNativeQuery(
                    "select id from bank_entry where tenant_id = :t and account = :a and credit"
                        + " and not reversal and end_to_end_id = :e and amount = :amt and status ="
                        + " 'MATCHED' order by booking_date desc limit 1")
                .setParameter("t", tenantId)
                .setParameter("a", reversal.account())
                .setParameter("e", reversal.endToEndId())
                .setParameter("amt", reversal.amount()),
            UUID.class)
        .stream()
        .findFirst();
  }

  /** A decision to store on its entry, and the customer it names (null when none). */
  record Decided(UUID entryId, Decision decision, UUID customerId) {}

  /** Stores the decisions on their entries, marking them processed, in one batch. */
  void saveDecisions(List<Decided> decided) {
    List<Object[]> rows = new ArrayList<>();
    for (Decided x : decided) {
      Decision d = x.decision();
      List<CandidateRow> candidates = new ArrayList<>();
      for (var c : d.candidates()) {
        BigDecimal conf = BigDecimal.valueOf(c.confidence()).setScale(4, RoundingMode.HALF_UP);
        if (c.allocations().isEmpty()) {
          candidates.add(new CandidateRow(null, c.customerId(), c.onAccount(), conf));
        }
        c.allocations()
            .forEach(
                a ->
                    candidates.add(
                        new CandidateRow(a.invoiceId(), c.customerId(), a.amount(), conf)));
      }
      rows.add(
          new Object[] {
            d.status().name(),
            x.customerId(),
            BigDecimal.valueOf(d.confidence()).setScale(4, RoundingMode.HALF_UP),
            write(candidates),
            write(d.reasons()),
            x.entryId()
          });
    }
    // a batch of updates: the driver rewrites only inserts, but still sends them in one go
    JdbcBatch.insert(
        em,
        "update bank_entry set status = ?, customer_id = ?, confidence = ?, candidates = ?,"
            + " reasons = ?, processed = true, version = version + 1 where id = ?",
        rows);
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

  /** What applying an entry made, as it is written: a payment, or cash left on account. */
  record Made(UUID entryId, UUID paymentId, UUID accountCreditId) {}

  void recordApplications(String tenantId, List<Made> made) {
    JdbcBatch.insert(
        em,
        "insert into bank_entry_application (id, tenant_id, entry_id, payment_id,"
            + " account_credit_id) values (?, ?, ?, ?, ?)",
        made.stream()
            .map(
                m ->
                    new Object[] {
                      UUID.randomUUID(), tenantId, m.entryId(), m.paymentId(), m.accountCreditId()
                    })
            .toList());
  }

  /** A payer's account and a customer it paid. */
  record Payer(String iban, UUID customerId) {}

  /** One more confirmation per time each payer paid its customer, in one batch. */
  void learnAll(String tenantId, Map<Payer, Integer> confirmations, Instant at) {
    JdbcBatch.insert(
        em,
        "insert into payer_account (tenant_id, iban, customer_id, confirmations, last_at) values"
            + " (?, ?, ?, ?, ?) on conflict (tenant_id, iban, customer_id) do update set"
            + " confirmations = payer_account.confirmations + excluded.confirmations, last_at ="
            + " excluded.last_at",
        confirmations.entrySet().stream()
            .map(
                e ->
                    new Object[] {
                      tenantId, e.getKey().iban(), e.getKey().customerId(), e.getValue(), at
                    })
            .toList());
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

  /** One line of an entry's audit trail. */
  record AuditLine(UUID entryId, String action, String detail) {}

  void audit(String tenantId, UUID entryId, String action, String detail) {
    auditAll(tenantId, List.of(new AuditLine(entryId, action, detail)));
  }

  void auditAll(String tenantId, List<AuditLine> lines) {
    Instant at = Instant.now(clock);
    String who = tenant.boundTenant().isPresent() ? principal() : "system";
    JdbcBatch.insert(
        em,
        "insert into bank_entry_audit (tenant_id, entry_id, at, principal, action, detail)"
            + " values (?, ?, ?, ?, ?, ?)",
        lines.stream()
            .map(l -> new Object[] {tenantId, l.entryId(), at, who, l.action(), l.detail()})
            .toList());
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
