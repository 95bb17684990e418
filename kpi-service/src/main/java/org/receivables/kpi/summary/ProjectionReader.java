package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The queries behind every KPI, each reading a bounded set of rows: the items open on a date
 * (through the open/closed indexes), one flow row per customer and day of a period, the invoices
 * due in a period, the reminders sent in it. For the whole tenant (the figures every dashboard
 * opens with) aging, outstanding, flows and recovery read the tenant's aggregates instead (one row
 * per due date or day, see V3__tenant_read_aggregates.sql), so their cost does not grow with the
 * number of invoices; only the entries dated after the as-of date, and the payments of the period,
 * are read one by one.
 */
@ApplicationScoped
public class ProjectionReader {

  /** The open balance of one invoice as of a date. */
  public record OpenItem(
      UUID invoiceId, UUID customerId, LocalDate dueDate, BigDecimal balance, boolean disputed) {}

  /** Sums of {@code kpi_daily_flow} over a period. */
  public record Flows(
      BigDecimal invoiced,
      BigDecimal credited,
      BigDecimal cancelled,
      BigDecimal discounted,
      BigDecimal collected,
      BigDecimal writtenOff,
      BigDecimal disputed,
      BigDecimal collectedDueDays,
      BigDecimal collectedIssueDays) {

    /** Invoiced less credit notes, cancellations and early-payment discounts. */
    public BigDecimal netSales() {
      return invoiced.subtract(credited).subtract(cancelled).subtract(discounted);
    }
  }

  /** What fell overdue in a period and what of it was paid late by the end of it. */
  public record Recovery(BigDecimal fellOverdue, BigDecimal recovered) {}

  /** One reminder of a period with the amount it asked for and what was paid within the window. */
  public record ReminderOutcome(String step, String channel, BigDecimal amount, BigDecimal paid) {}

  @Inject EntityManager em;

  private static final String OPEN_ITEMS =
      "select i.invoice_id, i.customer_id, i.due_date, (select sum(e.amount) from"
          + " kpi_ledger_entry e where e.invoice_id = i.invoice_id and e.entry_date <= :asOf) bal,"
          + " exists (select 1 from kpi_dispute d where d.invoice_id = i.invoice_id and"
          + " d.opened_on <= :asOf and (d.resolved_on is null or d.resolved_on > :asOf)) disputed"
          + " from kpi_invoice i where i.tenant_id = :tenant and i.currency = :currency and"
          + " i.issue_date <= :asOf and (i.closed_on is null or i.closed_on > :asOf)";

  /** Invoices with a non-zero balance as of {@code asOf}. */
  public List<OpenItem> openItems(Scope scope, LocalDate asOf) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        scope
            .bind(
                em.createNativeQuery(
                    "select * from (" + OPEN_ITEMS + scope.filter("i") + ") o where o.bal <> 0"))
            .setParameter("asOf", asOf)
            .getResultList();
    List<OpenItem> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new OpenItem(
              (UUID) r[0], (UUID) r[1], date(r[2]), (BigDecimal) r[3], Boolean.TRUE.equals(r[4])));
    }
    return out;
  }

  /**
   * The whole tenant's balances per due date as of a date: the current totals, less what the
   * entries dated after it (or, before their invoice's issue date, counted from it) changed since,
   * invoice by invoice so that the number of open items follows.
   */
  private static final String TENANT_AGING =
      "select t.due_date, sum(t.balance), sum(t.open_count) from (select due_date, balance,"
          + " open_count from kpi_due_total where tenant_id = :tenant and currency = :currency"
          + " union all select l.due_date, -sum(l.amount), case when l.balance - sum(l.amount) <>"
          + " 0 then 1 else 0 end - case when l.balance <> 0 then 1 else 0 end from (select"
          + " i.invoice_id, i.due_date, i.balance, e.amount from kpi_ledger_entry e join"
          + " kpi_invoice i on i.invoice_id = e.invoice_id where e.tenant_id = :tenant and"
          + " e.entry_date > :asOf and i.currency = :currency union all select i.invoice_id,"
          + " i.due_date, i.balance, e.amount from kpi_invoice i join kpi_ledger_entry e on"
          + " e.invoice_id = i.invoice_id where i.tenant_id = :tenant and i.currency = :currency"
          + " and i.issue_date > :asOf and e.entry_date <= :asOf) l group by l.invoice_id,"
          + " l.due_date, l.balance) t group by t.due_date";

  /** The aging of the open items as of {@code asOf}, with their number. */
  public AgingReport aging(Scope scope, LocalDate asOf, long[] openCount) {
    if (scope.isWholeTenant()) {
      return agingOf(
          scope.bind(em.createNativeQuery(TENANT_AGING)).setParameter("asOf", asOf),
          asOf,
          openCount);
    }
    return agingOf(
        scope
            .bind(
                em.createNativeQuery(
                    "select o.due_date, sum(o.bal), count(*) from ("
                        + OPEN_ITEMS
                        + scope.filter("i")
                        + ") o where o.bal <> 0 group by o.due_date"))
            .setParameter("asOf", asOf),
        asOf,
        openCount);
  }

  /** What the scope was owed at the end of {@code asOf} (the aging's total). */
  public BigDecimal outstanding(Scope scope, LocalDate asOf) {
    if (!scope.isWholeTenant()) {
      return aging(scope, asOf, null).outstanding();
    }
    return (BigDecimal)
        scope
            .bind(
                em.createNativeQuery(
                    "select coalesce(sum(amount), 0) from kpi_outstanding_change where tenant_id ="
                        + " :tenant and currency = :currency and day <= :asOf"))
            .setParameter("asOf", asOf)
            .getSingleResult();
  }

  private static AgingReport agingOf(Query query, LocalDate asOf, long[] openCount) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    AgingReport report = new AgingReport(asOf, BigDecimal.ZERO);
    long count = 0;
    for (Object[] r : rows) {
      report.add(date(r[0]), (BigDecimal) r[1]);
      count += ((Number) r[2]).longValue();
    }
    if (openCount != null) {
      openCount[0] = count;
    }
    return report;
  }

  /** Customers with the most overdue as of {@code asOf}: id, outstanding, overdue, oldest days. */
  public List<Object[]> topOverdue(Scope scope, LocalDate asOf, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        scope
            .bind(
                em.createNativeQuery(
                    "select o.customer_id, sum(o.bal), coalesce(sum(o.bal) filter (where"
                        + " o.due_date < :asOf), 0) overdue, max(cast(:asOf as date) - o.due_date)"
                        + " from ("
                        + OPEN_ITEMS
                        + scope.filter("i")
                        + ") o where o.bal <> 0 group by o.customer_id having sum(o.bal) filter"
                        + " (where o.due_date < :asOf) > 0 order by overdue desc, o.customer_id"
                        + " limit :limit"))
            .setParameter("asOf", asOf)
            .setParameter("limit", limit)
            .getResultList();
    return rows;
  }

  /** Daily flows: the tenant's own rows when no customer or segment narrows the scope. */
  private static String flowTable(Scope scope) {
    return scope.isWholeTenant() ? "kpi_tenant_daily_flow" : "kpi_daily_flow";
  }

  public Flows flows(Scope scope, LocalDate from, LocalDate to) {
    Object[] r =
        (Object[])
            scope
                .bind(
                    em.createNativeQuery(
                        "select coalesce(sum(invoiced), 0), coalesce(sum(credited), 0),"
                            + " coalesce(sum(cancelled), 0), coalesce(sum(discounted), 0),"
                            + " coalesce(sum(collected), 0), coalesce(sum(written_off), 0),"
                            + " coalesce(sum(disputed), 0), coalesce(sum(collected_due_days), 0),"
                            + " coalesce(sum(collected_issue_days), 0) from "
                            + flowTable(scope)
                            + " f where"
                            + " f.tenant_id = :tenant and f.currency = :currency and f.day between"
                            + " :from and :to"
                            + scope.filter("f")))
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    return new Flows(
        (BigDecimal) r[0],
        (BigDecimal) r[1],
        (BigDecimal) r[2],
        (BigDecimal) r[3],
        (BigDecimal) r[4],
        (BigDecimal) r[5],
        (BigDecimal) r[6],
        (BigDecimal) r[7],
        (BigDecimal) r[8]);
  }

  /** Net sales per day of [from, to], days without sales absent. */
  public Map<LocalDate, BigDecimal> dailyNetSales(Scope scope, LocalDate from, LocalDate to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        scope
            .bind(
                em.createNativeQuery(
                    "select f.day, sum(f.invoiced - f.credited - f.cancelled - f.discounted) from "
                        + flowTable(scope)
                        + " f where f.tenant_id = :tenant and f.currency ="
                        + " :currency and f.day between :from and :to"
                        + scope.filter("f")
                        + " group by f.day"))
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    Map<LocalDate, BigDecimal> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put(date(r[0]), (BigDecimal) r[1]);
    }
    return out;
  }

  /** Collections per day of [from, to]. */
  public Map<LocalDate, BigDecimal> dailyCollections(Scope scope, LocalDate from, LocalDate to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        scope
            .bind(
                em.createNativeQuery(
                    "select f.day, sum(f.collected) from "
                        + flowTable(scope)
                        + " f where f.tenant_id ="
                        + " :tenant and f.currency = :currency and f.day between :from and :to"
                        + scope.filter("f")
                        + " group by f.day"))
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    Map<LocalDate, BigDecimal> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put(date(r[0]), (BigDecimal) r[1]);
    }
    return out;
  }

  /**
   * Invoices due in [from − 1, to − 1] fell overdue in [from, to]: their balance at the end of the
   * due date, and what was paid on them after it, up to {@code to}, capped at that balance.
   */
  public Recovery recovery(Scope scope, LocalDate from, LocalDate to) {
    if (scope.isWholeTenant()) {
      return tenantRecovery(scope, from, to);
    }
    Object[] r =
        (Object[])
            scope
                .bind(
                    em.createNativeQuery(
                        "select coalesce(sum(c.bal), 0), coalesce(sum(least(c.bal, greatest(0,"
                            + " (select coalesce(-sum(e.amount), 0) from kpi_ledger_entry e where"
                            + " e.invoice_id = c.invoice_id and e.kind in ('PAYMENT',"
                            + " 'PAYMENT_REVERSED') and e.entry_date > c.due_date and e.entry_date"
                            + " <= :to)))), 0) from (select i.invoice_id, i.due_date, (select"
                            + " coalesce(sum(e.amount), 0) from kpi_ledger_entry e where"
                            + " e.invoice_id = i.invoice_id and e.entry_date <= i.due_date) bal"
                            + " from kpi_invoice i where i.tenant_id = :tenant and i.currency ="
                            + " :currency and i.due_date between :dueFrom and :dueTo"
                            + scope.filter("i")
                            + ") c where c.bal > 0"))
                .setParameter("dueFrom", from.minusDays(1))
                .setParameter("dueTo", to.minusDays(1))
                .setParameter("to", to)
                .getSingleResult();
    return new Recovery((BigDecimal) r[0], (BigDecimal) r[1]);
  }

  /**
   * {@link #recovery} of the whole tenant: what fell overdue from the per-due-date totals, what was
   * recovered from the late payments of the period alone (an invoice without one recovered
   * nothing).
   */
  private Recovery tenantRecovery(Scope scope, LocalDate from, LocalDate to) {
    BigDecimal fellOverdue =
        (BigDecimal)
            scope
                .bind(
                    em.createNativeQuery(
                        "select coalesce(sum(owed_at_due), 0) from kpi_due_total where tenant_id ="
                            + " :tenant and currency = :currency and due_date between :dueFrom and"
                            + " :dueTo"))
                .setParameter("dueFrom", from.minusDays(1))
                .setParameter("dueTo", to.minusDays(1))
                .getSingleResult();
    BigDecimal recovered =
        (BigDecimal)
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
                            + " i.balance_at_due > 0 group by i.invoice_id, i.balance_at_due) p"))
                .setParameter("dueFrom", from.minusDays(1))
                .setParameter("dueTo", to.minusDays(1))
                .setParameter("to", to)
                .getSingleResult();
    return new Recovery(fellOverdue, recovered);
  }

  /** Promises (or plans) whose outcome became known in [from, to]: {kept, broken}. */
  public long[] commitments(Scope scope, String kind, LocalDate from, LocalDate to) {
    Object[] r =
        (Object[])
            scope
                .bind(
                    em.createNativeQuery(
                        "select count(*) filter (where k.outcome = 'KEPT'), count(*) filter"
                            + " (where k.outcome = 'BROKEN') from kpi_commitment k where"
                            + " k.tenant_id = :tenant and (k.currency = :currency or k.currency"
                            + " is null) and k.kind = :kind and k.resolved_on between :from and"
                            + " :to"
                            + scope.filter("k")))
                .setParameter("kind", kind)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
  }

  /**
   * Reminders and escalations sent in [from, to] with what they asked for (an escalation: the
   * balance of its invoices that day) and what was paid on their invoices from the day sent to
   * {@code windowDays} later, not after {@code to}.
   */
  public List<ReminderOutcome> reminders(
      Scope scope, LocalDate from, LocalDate to, int windowDays) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        scope
            .bind(
                em.createNativeQuery(
                    "select r.step, r.channel, coalesce(r.amount, (select coalesce(sum(e.amount),"
                        + " 0) from kpi_reminder_invoice ri join kpi_ledger_entry e on"
                        + " e.invoice_id = ri.invoice_id where ri.tenant_id = r.tenant_id and"
                        + " ri.reminder_id = r.reminder_id and e.entry_date <= r.sent_on)),"
                        + " (select coalesce(-sum(e.amount), 0) from kpi_reminder_invoice ri join"
                        + " kpi_ledger_entry e on e.invoice_id = ri.invoice_id where ri.tenant_id"
                        + " = r.tenant_id and ri.reminder_id = r.reminder_id and e.kind in"
                        + " ('PAYMENT', 'PAYMENT_REVERSED') and e.entry_date >= r.sent_on and"
                        + " e.entry_date <= least(r.sent_on + :window, cast(:to as date)))"
                        + " from kpi_reminder r where r.tenant_id = :tenant and r.currency ="
                        + " :currency and r.sent_on between :from and :to"
                        + scope.filter("r")
                        + " order by r.step, r.channel"))
            .setParameter("window", windowDays)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    List<ReminderOutcome> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new ReminderOutcome((String) r[0], (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3]));
    }
    return out;
  }

  /** Each customer's Σ amount × days late and Σ amount over [from, to]. */
  public Map<UUID, BigDecimal[]> customerDelays(Scope scope, LocalDate from, LocalDate to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        scope
            .bind(
                em.createNativeQuery(
                    "select f.customer_id, sum(f.collected_due_days), sum(f.collected) from"
                        + " kpi_daily_flow f where f.tenant_id = :tenant and f.currency ="
                        + " :currency and f.day between :from and :to"
                        + scope.filter("f")
                        + " group by f.customer_id having sum(f.collected) > 0"))
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    Map<UUID, BigDecimal[]> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put((UUID) r[0], new BigDecimal[] {(BigDecimal) r[1], (BigDecimal) r[2]});
    }
    return out;
  }

  /** The probability of default each customer had as of {@code asOf}, when scored by then. */
  public Map<UUID, BigDecimal> probabilitiesOfDefault(String tenantId, LocalDate asOf) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select distinct on (customer_id) customer_id, probability_of_default from"
                    + " kpi_score_history where tenant_id = :tenant and computed_on <= :asOf order"
                    + " by customer_id, computed_at desc")
            .setParameter("tenant", tenantId)
            .setParameter("asOf", asOf)
            .getResultList();
    Map<UUID, BigDecimal> out = new HashMap<>();
    for (Object[] r : rows) {
      if (r[1] != null) {
        out.put((UUID) r[0], (BigDecimal) r[1]);
      }
    }
    return out;
  }

  /** Names of the tenant's customers among {@code ids}. */
  public Map<UUID, String> customerNames(String tenantId, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select customer_id, coalesce(name, external_ref) from kpi_customer where"
                    + " tenant_id = :tenant and customer_id in (:ids)")
            .setParameter("tenant", tenantId)
            .setParameter("ids", ids)
            .getResultList();
    Map<UUID, String> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put((UUID) r[0], (String) r[1]);
    }
    return out;
  }

  /** The segments the tenant's customers belong to. */
  public List<String> segments(String tenantId) {
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery(
                "select distinct segment from kpi_customer where tenant_id = :tenant and segment"
                    + " is not null order by segment")
            .setParameter("tenant", tenantId)
            .getResultList();
    return rows;
  }

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
