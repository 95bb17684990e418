package org.receivables.dunning.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.policy.PolicyService;
import org.receivables.dunning.replica.Replica;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;

/** The collectors' worklist and the agency hand-overs. */
@ApplicationScoped
public class CollectService {

  @Inject EntityManager em;
  @Inject Timeline timeline;
  @Inject Clock clock;

  private static final String TASK_COLUMNS =
      "t.id, t.customer_id, c.name, c.phone, t.step_code, t.invoice_ids, t.currency, t.amount, t.probability,"
          + " t.expected_value, t.due_on, t.status, t.outcome, t.note, t.done_by, t.done_at";

  @SuppressWarnings("unchecked")
  public List<CallTaskView> worklist(String tenantId, String status, String customerId) {
    var q =
        em.createNativeQuery(
                "select "
                    + TASK_COLUMNS
                    + " from call_task t left join dn_customer c on"
                    + " c.tenant_id = t.tenant_id and c.customer_id = t.customer_id where t.tenant_id = :t"
                    + (status == null ? "" : " and t.status = :s")
                    + (customerId == null ? "" : " and t.customer_id = :c")
                    + " order by t.expected_value desc, t.due_on, t.id limit 500")
            .setParameter("t", tenantId);
    if (status != null) {
      q.setParameter("s", status);
    }
    if (customerId != null) {
      q.setParameter("c", customerId);
    }
    List<CallTaskView> out = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      String cur = (String) r[6];
      out.add(
          new CallTaskView(
              (UUID) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              Json.read((String) r[5], Json.STRINGS),
              cur,
              Money.round((BigDecimal) r[7], cur),
              ((BigDecimal) r[8]).stripTrailingZeros(),
              Money.round((BigDecimal) r[9], cur),
              Replica.date(r[10]),
              (String) r[11],
              (String) r[12],
              (String) r[13],
              (String) r[14],
              PolicyService.instant(r[15])));
    }
    return out;
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public CallTaskView outcome(
      String tenantId, UUID id, CallOutcomeRequest r, String actor, LocalDate today) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select customer_id, status from call_task where tenant_id = :t and id = :id for update")
            .setParameter("t", tenantId)
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Call task", id);
    }
    Object[] row = rows.get(0);
    if ("DONE".equals(row[1])) {
      throw ProblemException.conflict("Call task " + id + " is already done");
    }
    boolean done =
        r.outcome() != CallOutcomeRequest.Outcome.NO_ANSWER
            && r.outcome() != CallOutcomeRequest.Outcome.CALL_BACK;
    em.createNativeQuery(
            "update call_task set status = :s, outcome = :o, note = :n, done_by = :by, done_at = :at"
                + " where id = :id")
        .setParameter("s", done ? "DONE" : "OPEN")
        .setParameter("o", r.outcome().name())
        .setParameter("n", r.note())
        .setParameter("by", actor)
        .setParameter("at", Instant.now(clock))
        .setParameter("id", id)
        .executeUpdate();
    timeline.record(
        tenantId,
        (String) row[0],
        "CALL_OUTCOME",
        actor,
        "Call: " + r.outcome() + (r.note() == null ? "" : " - " + r.note()),
        id.toString(),
        today);
    return worklist(tenantId, null, (String) row[0]).stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** A hand-over to the agency as exported. */
  public record Handover(
      UUID id,
      String customerId,
      String externalRef,
      String name,
      String email,
      String phone,
      String country,
      List<String> invoiceIds,
      String currency,
      BigDecimal principal,
      BigDecimal interest,
      BigDecimal indemnity,
      BigDecimal total,
      LocalDate handedOn) {}

  @SuppressWarnings("unchecked")
  public List<Handover> handovers(String tenantId, LocalDate from, LocalDate to) {
    var q =
        em.createNativeQuery(
                "select a.id, a.customer_id, c.external_ref, c.name, c.email, c.phone, c.country,"
                    + " a.invoice_ids, a.currency, a.principal, a.interest, a.indemnity, a.handed_on from agency_handover a"
                    + " left join dn_customer c on c.tenant_id = a.tenant_id and c.customer_id = a.customer_id"
                    + " where a.tenant_id = :t and a.handed_on between :from and :to order by a.handed_on, a.id")
            .setParameter("t", tenantId)
            .setParameter("from", from == null ? LocalDate.of(1900, 1, 1) : from)
            .setParameter("to", to == null ? LocalDate.of(9999, 12, 31) : to);
    List<Handover> out = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      String cur = (String) r[8];
      BigDecimal p = Money.round((BigDecimal) r[9], cur);
      BigDecimal i = Money.round((BigDecimal) r[10], cur);
      BigDecimal ind = Money.round((BigDecimal) r[11], cur);
      out.add(
          new Handover(
              (UUID) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              Json.read((String) r[7], Json.STRINGS),
              cur,
              p,
              i,
              ind,
              p.add(i).add(ind),
              Replica.date(r[12])));
    }
    return out;
  }

  /**
   * The hand-overs as CSV (semicolon-separated, as French spreadsheets expect), invoice numbers
   * resolved.
   */
  public String csv(String tenantId, List<Handover> handovers, Replica replica) {
    StringBuilder sb =
        new StringBuilder(
            "handover_id;handed_on;customer_id;external_ref;name;email;phone;country;invoices;currency;principal;interest;"
                + "indemnity;total\n");
    for (Handover h : handovers) {
      List<String> numbers =
          replica.invoices(tenantId, h.invoiceIds()).stream().map(i -> i.number()).toList();
      sb.append(
              String.join(
                  ";",
                  List.of(
                      h.id().toString(),
                      h.handedOn().toString(),
                      CsvCell.of(h.customerId()),
                      CsvCell.of(h.externalRef()),
                      CsvCell.of(h.name()),
                      CsvCell.of(h.email()),
                      CsvCell.of(h.phone()),
                      CsvCell.of(h.country()),
                      CsvCell.of(String.join(",", numbers)),
                      h.currency(),
                      h.principal().toPlainString(),
                      h.interest().toPlainString(),
                      h.indemnity().toPlainString(),
                      h.total().toPlainString())))
          .append('\n');
    }
    return sb.toString();
  }
}
