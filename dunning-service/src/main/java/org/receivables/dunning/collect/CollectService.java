package org.receivables.dunning.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.replica.Replica;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;

/** The collectors' worklist and the agency hand-overs. */
@ApplicationScoped
public class CollectService {

  @Inject EntityManager em;
  @Inject Timeline timeline;
  @Inject Clock clock;

  private static final String TASK_COLUMNS =
      "t.id, t.customer_id, c.name as customer_name, c.phone, t.step_code as step, t.invoice_ids,"
          + " t.currency, t.amount, t.probability,"
          + " t.expected_value, t.due_on, t.status, t.outcome, t.note, t.done_by, t.done_at";

  /** A worklist row as read, in select order. */
  record TaskRow(
      UUID id,
      String customerId,
      String customerName,
      String phone,
      String step,
      String invoiceIds,
      String currency,
      BigDecimal amount,
      BigDecimal probability,
      BigDecimal expectedValue,
      LocalDate dueOn,
      String status,
      String outcome,
      String note,
      String doneBy,
      Instant doneAt) {

    CallTaskView view() {
      return new CallTaskView(
          id,
          customerId,
          customerName,
          phone,
          step,
          Json.read(invoiceIds, Json.STRINGS),
          currency,
          Money.round(amount, currency),
          probability.stripTrailingZeros(),
          Money.round(expectedValue, currency),
          dueOn,
          status,
          outcome,
          note,
          doneBy,
          doneAt);
    }
  }

  public List<CallTaskView> worklist(String tenantId, String status, String customerId) {
    var q =
        em.createNativeQuery(
                "select "
                    + TASK_COLUMNS
                    + " from call_task t left join dn_customer c on"
                    + " c.tenant_id = t.tenant_id and c.customer_id = t.customer_id where t.tenant_id = :t"
                    + (status == null ? "" : " and t.status = :s")
                    + (customerId == null ? "" : " and t.customer_id = :c")
                    + " order by t.expected_value desc, t.due_on, t.id limit 500",
                Tuple.class)
            .setParameter("t", tenantId);
    if (status != null) {
      q.setParameter("s", status);
    }
    if (customerId != null) {
      q.setParameter("c", customerId);
    }
    return NamedRows.list(q, TaskRow.class, Columns.Nulls.ZERO).stream()
        .map(TaskRow::view)
        .toList();
  }

  @Transactional
  public CallTaskView outcome(
      String tenantId, UUID id, CallOutcomeRequest r, String actor, LocalDate today) {
    CallTask task =
        CallTask.<CallTask>find("tenantId = ?1 and id = ?2", tenantId, id)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(() -> ProblemException.notFound("Call task", id));
    if (task.done()) {
      throw ProblemException.conflict("Call task " + id + " is already done");
    }
    task.record(r.outcome(), r.note(), actor, Instant.now(clock));
    timeline.record(
        tenantId,
        task.customerId,
        "CALL_OUTCOME",
        actor,
        "Call: " + r.outcome() + (r.note() == null ? "" : " - " + r.note()),
        id.toString(),
        today);
    em.flush();
    return worklist(tenantId, null, task.customerId).stream()
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

  /** A hand-over row as read, in select order. */
  record HandoverRow(
      UUID id,
      String customerId,
      String externalRef,
      String name,
      String email,
      String phone,
      String country,
      String invoiceIds,
      String currency,
      BigDecimal principal,
      BigDecimal interest,
      BigDecimal indemnity,
      LocalDate handedOn) {

    Handover handover() {
      BigDecimal p = Money.round(principal, currency);
      BigDecimal i = Money.round(interest, currency);
      BigDecimal ind = Money.round(indemnity, currency);
      return new Handover(
          id,
          customerId,
          externalRef,
          name,
          email,
          phone,
          country,
          Json.read(invoiceIds, Json.STRINGS),
          currency,
          p,
          i,
          ind,
          p.add(i).add(ind),
          handedOn);
    }
  }

  public List<Handover> handovers(String tenantId, LocalDate from, LocalDate to) {
    var q =
        em.createNativeQuery(
                "select a.id, a.customer_id, c.external_ref, c.name, c.email, c.phone, c.country,"
                    + " a.invoice_ids, a.currency, a.principal, a.interest, a.indemnity, a.handed_on from agency_handover a"
                    + " left join dn_customer c on c.tenant_id = a.tenant_id and c.customer_id = a.customer_id"
                    + " where a.tenant_id = :t and a.handed_on between :from and :to order by a.handed_on, a.id",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("from", from == null ? LocalDate.of(1900, 1, 1) : from)
            .setParameter("to", to == null ? LocalDate.of(9999, 12, 31) : to);
    return NamedRows.list(q, HandoverRow.class, Columns.Nulls.ZERO).stream()
        .map(HandoverRow::handover)
        .toList();
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
