package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.receivables.kit.jdbc.JdbcBatch;

/** The projected reminders (with their invoices), promises and payment plans. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DunningRepository {

  /** A reminder or an escalation as the KPIs count it. */
  public record Reminder(
      String tenantId,
      String customerId,
      String reminderId,
      String step,
      String channel,
      BigDecimal amount,
      String currency,
      LocalDate sentOn,
      List<String> invoiceIds,
      String policyId,
      Integer policyVersion) {}

  /** A promise to pay ({@code PROMISE}) or a payment plan ({@code PLAN}). */
  public record Commitment(
      String tenantId,
      String customerId,
      String id,
      String kind,
      BigDecimal amount,
      String currency,
      LocalDate dueOn) {}

  @Inject EntityManager em;

  /**
   * Adds the reminder and its invoices, once: a second event of the same reminder changes nothing.
   */
  public void insert(Reminder r) {
    int inserted =
        em.createNativeQuery(
                "insert into kpi_reminder (tenant_id, reminder_id, customer_id, step, channel,"
                    + " amount, currency, sent_on, policy_id, policy_version) values (:tenant,"
                    + " :id, :customer, :step, :channel, :amount, :currency, :on, cast(:policy as"
                    + " text), cast(:version as integer)) on conflict do nothing")
            .setParameter("tenant", r.tenantId())
            .setParameter("id", r.reminderId())
            .setParameter("customer", UUID.fromString(r.customerId()))
            .setParameter("step", r.step())
            .setParameter("channel", r.channel())
            .setParameter("amount", r.amount())
            .setParameter("currency", r.currency())
            .setParameter("on", r.sentOn())
            .setParameter("policy", r.policyId())
            .setParameter("version", r.policyVersion())
            .executeUpdate();
    if (inserted == 0) {
      return;
    }
    JdbcBatch.insert(
        em,
        "insert into kpi_reminder_invoice (tenant_id, reminder_id, invoice_id) values (?, ?, ?)"
            + " on conflict do nothing",
        r.invoiceIds().stream()
            .map(id -> new Object[] {r.tenantId(), r.reminderId(), UUID.fromString(id)})
            .toList());
  }

  public void commit(Commitment c) {
    em.createNativeQuery(
            "insert into kpi_commitment (tenant_id, commitment_id, kind, customer_id, amount,"
                + " currency, due_on) values (:tenant, :id, :kind, :customer, :amount, :currency,"
                + " :due) on conflict (tenant_id, commitment_id) do update set amount ="
                + " excluded.amount, currency = excluded.currency, due_on = excluded.due_on")
        .setParameter("tenant", c.tenantId())
        .setParameter("id", c.id())
        .setParameter("kind", c.kind())
        .setParameter("customer", UUID.fromString(c.customerId()))
        .setParameter("amount", c.amount())
        .setParameter("currency", c.currency())
        .setParameter("due", c.dueOn())
        .executeUpdate();
  }

  /**
   * Records the outcome of a promise or plan. It may come without its promise (published before
   * this service listened): kept anyway.
   */
  public void outcome(
      String tenantId, String customerId, String id, String kind, String outcome, LocalDate on) {
    em.createNativeQuery(
            "insert into kpi_commitment (tenant_id, commitment_id, kind, customer_id, outcome,"
                + " resolved_on) values (:tenant, :id, :kind, :customer, :outcome, :on) on"
                + " conflict (tenant_id, commitment_id) do update set outcome = excluded.outcome,"
                + " resolved_on = excluded.resolved_on")
        .setParameter("tenant", tenantId)
        .setParameter("id", id)
        .setParameter("kind", kind)
        .setParameter("customer", UUID.fromString(customerId))
        .setParameter("outcome", outcome)
        .setParameter("on", on)
        .executeUpdate();
  }
}
