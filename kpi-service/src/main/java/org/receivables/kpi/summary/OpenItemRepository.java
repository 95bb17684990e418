package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kpi.formula.AgingReport;

/**
 * What is open on a date: the items open then come through the partial indexes on open invoices
 * ({@code closed_on is null}) and invoices closed after it. For the whole tenant or a segment,
 * aging and outstanding read the per-due-date and per-day aggregates instead (see
 * V3__tenant_read_aggregates.sql and V7__segment_read_aggregates.sql), corrected by the entries
 * dated after the as-of date, so that their cost does not grow with the number of invoices.
 */
@ApplicationScoped
public class OpenItemRepository {

  /** The open balance of one invoice as of a date. */
  public record OpenItem(
      UUID invoiceId, UUID customerId, LocalDate dueDate, BigDecimal balance, boolean disputed) {}

  /** The aging of the open items as of a date, with their number. */
  public record Aging(AgingReport report, long openCount) {}

  /** A customer's outstanding and overdue as of a date, and its oldest overdue days. */
  public record OverdueCustomer(
      UUID customerId, BigDecimal outstanding, BigDecimal overdue, Integer oldestDays) {}

  private static final String OPEN_ITEMS =
      "select i.invoice_id, i.customer_id, i.due_date, (select sum(e.amount) from"
          + " kpi_ledger_entry e where e.invoice_id = i.invoice_id and e.entry_date <= :asOf) bal,"
          + " exists (select 1 from kpi_dispute d where d.invoice_id = i.invoice_id and"
          + " d.opened_on <= :asOf and (d.resolved_on is null or d.resolved_on > :asOf)) disputed"
          + " from kpi_invoice i where i.tenant_id = :tenant and i.currency = :currency and"
          + " i.issue_date <= :asOf and (i.closed_on is null or i.closed_on > :asOf)";

  /**
   * The whole tenant's (or a segment's) balances per due date as of a date: the current totals,
   * less what the entries dated after it (or, before their invoice's issue date, counted from it)
   * changed since, invoice by invoice so that the number of open items follows. %1$s is the
   * aggregate table, %2$s its segment condition, %3$s the invoices' segment condition.
   */
  private static final String AGGREGATE_AGING =
      "select t.due_date, sum(t.balance) as balance, sum(t.open_count) as open_count from"
          + " (select d.due_date, d.balance,"
          + " d.open_count from %1$s d where d.tenant_id = :tenant and d.currency = :currency%2$s"
          + " union all select l.due_date, -sum(l.amount), case when l.balance - sum(l.amount) <>"
          + " 0 then 1 else 0 end - case when l.balance <> 0 then 1 else 0 end from (select"
          + " i.invoice_id, i.due_date, i.balance, e.amount from kpi_ledger_entry e join"
          + " kpi_invoice i on i.invoice_id = e.invoice_id where e.tenant_id = :tenant and"
          + " e.entry_date > :asOf and i.currency = :currency%3$s union all select i.invoice_id,"
          + " i.due_date, i.balance, e.amount from kpi_invoice i join kpi_ledger_entry e on"
          + " e.invoice_id = i.invoice_id where i.tenant_id = :tenant and i.currency = :currency"
          + " and i.issue_date > :asOf and e.entry_date <= :asOf%3$s) l group by l.invoice_id,"
          + " l.due_date, l.balance) t group by t.due_date";

  /** One due date's open balance and number of open items. */
  private record DueDateBalance(LocalDate dueDate, BigDecimal balance, long openCount) {}

  @Inject EntityManager em;

  /** Invoices with a non-zero balance as of {@code asOf}. */
  public List<OpenItem> openItems(Scope scope, LocalDate asOf) {
    return NamedRows.list(
        scope
            .bind(
                em.createNativeQuery(
                    "select o.invoice_id, o.customer_id, o.due_date, o.bal as balance, o.disputed"
                        + " from ("
                        + OPEN_ITEMS
                        + scope.filter("i")
                        + ") o where o.bal <> 0",
                    Tuple.class))
            .setParameter("asOf", asOf),
        OpenItem.class,
        Columns.Nulls.ZERO);
  }

  /** The aging of the open items as of {@code asOf}, with their number. */
  public Aging aging(Scope scope, LocalDate asOf) {
    String sql =
        scope.readsAggregates()
            ? AGGREGATE_AGING.formatted(
                scope.aggregate("kpi_due_total", "kpi_segment_due_total"),
                scope.aggregateFilter("d"),
                scope.filter("i"))
            : "select o.due_date, sum(o.bal) as balance, count(*) as open_count from ("
                + OPEN_ITEMS
                + scope.filter("i")
                + ") o where o.bal <> 0 group by o.due_date";
    List<DueDateBalance> rows =
        NamedRows.list(
            scope.bind(em.createNativeQuery(sql, Tuple.class)).setParameter("asOf", asOf),
            DueDateBalance.class,
            Columns.Nulls.ZERO);
    AgingReport report = new AgingReport(asOf, BigDecimal.ZERO);
    long count = 0;
    for (DueDateBalance row : rows) {
      report.add(row.dueDate(), row.balance());
      count += row.openCount();
    }
    return new Aging(report, count);
  }

  /** What the scope was owed at the end of {@code asOf} (the aging's total). */
  public BigDecimal outstanding(Scope scope, LocalDate asOf) {
    if (!scope.readsAggregates()) {
      return aging(scope, asOf).report().outstanding();
    }
    return NamedRows.value(
        scope
            .bind(
                em.createNativeQuery(
                    "select coalesce(sum(o.amount), 0) from "
                        + scope.aggregate(
                            "kpi_outstanding_change", "kpi_segment_outstanding_change")
                        + " o where o.tenant_id = :tenant and o.currency = :currency and o.day <="
                        + " :asOf"
                        + scope.aggregateFilter("o")))
            .setParameter("asOf", asOf),
        BigDecimal.class);
  }

  /** Customers with the most overdue as of {@code asOf}, largest first. */
  public List<OverdueCustomer> topOverdue(Scope scope, LocalDate asOf, int limit) {
    return NamedRows.list(
        scope
            .bind(
                em.createNativeQuery(
                    "select o.customer_id, sum(o.bal) as outstanding, coalesce(sum(o.bal) filter"
                        + " (where o.due_date < :asOf), 0) overdue, max(cast(:asOf as date) -"
                        + " o.due_date) as oldest_days from ("
                        + OPEN_ITEMS
                        + scope.filter("i")
                        + ") o where o.bal <> 0 group by o.customer_id having sum(o.bal) filter"
                        + " (where o.due_date < :asOf) > 0 order by overdue desc, o.customer_id"
                        + " limit :limit",
                    Tuple.class))
            .setParameter("asOf", asOf)
            .setParameter("limit", limit),
        OverdueCustomer.class,
        Columns.Nulls.ZERO);
  }
}
