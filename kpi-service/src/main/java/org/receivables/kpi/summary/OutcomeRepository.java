package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/**
 * What came of what fell overdue, of promises and plans, and of reminders in a period: the invoices
 * due in the period (index on due date), the commitments resolved and the reminders sent in it.
 */
@ApplicationScoped
public class OutcomeRepository {

  /** What fell overdue in a period and what of it was paid late by the end of it. */
  public record Recovery(BigDecimal fellOverdue, BigDecimal recovered) {}

  /** One reminder of a period with the amount it asked for and what was paid within the window. */
  public record ReminderOutcome(
      String step,
      String channel,
      BigDecimal amount,
      BigDecimal paid,
      String policyId,
      Integer policyVersion) {}

  /** Promises (or plans) kept and broken in a period. */
  public record Outcomes(long kept, long broken) {}

  @Inject EntityManager em;

  /**
   * Invoices due in [from − 1, to − 1] fell overdue in [from, to]: their balance at the end of the
   * due date, and what was paid on them after it, up to {@code to}, capped at that balance.
   */
  public Recovery recovery(Scope scope, LocalDate from, LocalDate to) {
    if (scope.readsAggregates()) {
      return aggregateRecovery(scope, from, to);
    }
    return NamedRows.single(
        scope
            .bind(
                em.createNativeQuery(
                    "select coalesce(sum(c.bal), 0) as fell_overdue, coalesce(sum(least(c.bal,"
                        + " greatest(0,"
                        + " (select coalesce(-sum(e.amount), 0) from kpi_ledger_entry e where"
                        + " e.invoice_id = c.invoice_id and e.kind in ('PAYMENT',"
                        + " 'PAYMENT_REVERSED') and e.entry_date > c.due_date and e.entry_date"
                        + " <= :to)))), 0) as recovered from (select i.invoice_id, i.due_date, (select"
                        + " coalesce(sum(e.amount), 0) from kpi_ledger_entry e where"
                        + " e.invoice_id = i.invoice_id and e.entry_date <= i.due_date) bal"
                        + " from kpi_invoice i where i.tenant_id = :tenant and i.currency ="
                        + " :currency and i.due_date between :dueFrom and :dueTo"
                        + scope.filter("i")
                        + ") c where c.bal > 0",
                    Tuple.class))
            .setParameter("dueFrom", from.minusDays(1))
            .setParameter("dueTo", to.minusDays(1))
            .setParameter("to", to),
        Recovery.class,
        Columns.Nulls.FAIL);
  }

  /**
   * {@link #recovery} of the whole tenant or a segment: what fell overdue from the per-due-date
   * totals, what was recovered from the late payments of the period alone (an invoice without one
   * recovered nothing).
   */
  private Recovery aggregateRecovery(Scope scope, LocalDate from, LocalDate to) {
    BigDecimal fellOverdue =
        NamedRows.value(
            scope
                .bind(
                    em.createNativeQuery(
                        "select coalesce(sum(d.owed_at_due), 0) from "
                            + scope.aggregate("kpi_due_total", "kpi_segment_due_total")
                            + " d where d.tenant_id = :tenant and d.currency = :currency and"
                            + " d.due_date between :dueFrom and :dueTo"
                            + scope.aggregateFilter("d")))
                .setParameter("dueFrom", from.minusDays(1))
                .setParameter("dueTo", to.minusDays(1)),
            BigDecimal.class);
    BigDecimal recovered =
        NamedRows.value(
            scope
                .bind(
                    em.createNativeQuery(
                        "select coalesce(sum(least(p.owed, greatest(0, p.paid))), 0) from (select"
                            + " i.invoice_id, i.balance_at_due owed, -sum(e.amount) paid from"
                            + " kpi_ledger_entry e join kpi_invoice i on i.invoice_id ="
                            + " e.invoice_id where e.tenant_id = :tenant and e.kind in"
                            + " ('PAYMENT', 'PAYMENT_REVERSED') and e.entry_date > :dueFrom and"
                            + " e.entry_date <= :to and i.currency = :currency and i.due_date"
                            + " between :dueFrom and :dueTo and e.entry_date > i.due_date and"
                            + " i.balance_at_due > 0"
                            + scope.filter("i")
                            + " group by i.invoice_id, i.balance_at_due) p"))
                .setParameter("dueFrom", from.minusDays(1))
                .setParameter("dueTo", to.minusDays(1))
                .setParameter("to", to),
            BigDecimal.class);
    return new Recovery(fellOverdue, recovered);
  }

  /**
   * Promises ({@code PROMISE}) or plans ({@code PLAN}) whose outcome became known in [from, to].
   */
  public Outcomes commitments(Scope scope, String kind, LocalDate from, LocalDate to) {
    return NamedRows.single(
        scope
            .bind(
                em.createNativeQuery(
                    "select count(*) filter (where k.outcome = 'KEPT') as kept, count(*) filter"
                        + " (where k.outcome = 'BROKEN') as broken from kpi_commitment k where"
                        + " k.tenant_id = :tenant and (k.currency = :currency or k.currency"
                        + " is null) and k.kind = :kind and k.resolved_on between :from and"
                        + " :to"
                        + scope.filter("k"),
                    Tuple.class))
            .setParameter("kind", kind)
            .setParameter("from", from)
            .setParameter("to", to),
        Outcomes.class,
        Columns.Nulls.ZERO);
  }

  /**
   * Reminders and escalations sent in [from, to] with what they asked for (an escalation: the
   * balance of its invoices that day) and what was paid on their invoices from the day sent to
   * {@code windowDays} later, not after {@code to}.
   */
  public List<ReminderOutcome> reminders(
      Scope scope, LocalDate from, LocalDate to, int windowDays) {
    return NamedRows.list(
        scope
            .bind(
                em.createNativeQuery(
                    "select r.step, r.channel, coalesce(r.amount, (select coalesce(sum(e.amount),"
                        + " 0) from kpi_reminder_invoice ri join kpi_ledger_entry e on"
                        + " e.invoice_id = ri.invoice_id where ri.tenant_id = r.tenant_id and"
                        + " ri.reminder_id = r.reminder_id and e.entry_date <= r.sent_on)) as amount,"
                        + " (select coalesce(-sum(e.amount), 0) from kpi_reminder_invoice ri join"
                        + " kpi_ledger_entry e on e.invoice_id = ri.invoice_id where ri.tenant_id"
                        + " = r.tenant_id and ri.reminder_id = r.reminder_id and e.kind in"
                        + " ('PAYMENT', 'PAYMENT_REVERSED') and e.entry_date >= r.sent_on and"
                        + " e.entry_date <= least(r.sent_on + :window, cast(:to as date))) as paid,"
                        + " r.policy_id, r.policy_version from kpi_reminder r where r.tenant_id = :tenant and r.currency ="
                        + " :currency and r.sent_on between :from and :to"
                        + scope.filter("r")
                        + " order by r.step, r.channel",
                    Tuple.class))
            .setParameter("window", windowDays)
            .setParameter("from", from)
            .setParameter("to", to),
        ReminderOutcome.class,
        Columns.Nulls.FAIL);
  }
}
