package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kpi.projection.AggregateWriter;

/**
 * Period figures: sums of {@code kpi_daily_flow}, one row per customer and day, for one customer;
 * of {@code kpi_tenant_daily_flow}, one row per day, for the whole tenant; of {@code
 * kpi_segment_daily_flow}, one row per segment and day, for a segment.
 */
@ApplicationScoped
public class FlowRepository {

  /** A customer's Σ amount × days late and Σ amount paid over a period. */
  public record CustomerDelay(BigDecimal weightedDays, BigDecimal collected) {}

  private record DayAmount(LocalDate day, BigDecimal amount) {}

  private record CustomerDelayRow(UUID customerId, CustomerDelay delay) {}

  @Inject EntityManager em;

  private static String flowTable(Scope scope) {
    return scope.readsAggregates()
        ? scope.aggregate("kpi_tenant_daily_flow", "kpi_segment_daily_flow")
        : "kpi_daily_flow";
  }

  /**
   * A daily flow row that carries something: rows whose every sum is zero (left by a customer
   * moving to another segment, or movements cancelling out within a day) are no history.
   */
  static final String CARRIES_A_FLOW =
      " and ("
          + String.join(
              " or ",
              List.of(
                  "f.invoiced <> 0",
                  "f.invoices_issued <> 0",
                  "f.credited <> 0",
                  "f.cancelled <> 0",
                  "f.discounted <> 0",
                  "f.collected <> 0",
                  "f.written_off <> 0",
                  "f.disputed <> 0",
                  "f.collected_due_days <> 0",
                  "f.collected_issue_days <> 0"))
          + ")";

  /**
   * The sums of a daily flow table's amounts, each named as its {@link Flows} component (the number
   * of invoices issued is not one).
   */
  static final String FLOW_SUMS =
      AggregateWriter.FLOW_COLUMNS.stream()
          .filter(c -> !c.equals("invoices_issued"))
          .map(c -> "coalesce(sum(" + c + "), 0) as " + c)
          .collect(Collectors.joining(", "));

  /** The scope's condition on the rows of {@link #flowTable}. */
  private static String flowFilter(Scope scope) {
    return scope.readsAggregates() ? scope.aggregateFilter("f") : scope.filter("f");
  }

  public Flows flows(Scope scope, LocalDate from, LocalDate to) {
    return NamedRows.single(
        scope
            .bind(
                em.createNativeQuery(
                    "select "
                        + FLOW_SUMS
                        + " from "
                        + flowTable(scope)
                        + " f where"
                        + " f.tenant_id = :tenant and f.currency = :currency and f.day between"
                        + " :from and :to"
                        + flowFilter(scope),
                    Tuple.class))
            .setParameter("from", from)
            .setParameter("to", to),
        Flows.class,
        Columns.Nulls.FAIL);
  }

  /** Net sales per day of [from, to]; days without any flow are absent. */
  public Map<LocalDate, BigDecimal> dailyNetSales(Scope scope, LocalDate from, LocalDate to) {
    return perDay(scope, "sum(f.invoiced - f.credited - f.cancelled - f.discounted)", from, to);
  }

  /** Collections per day of [from, to]. */
  public Map<LocalDate, BigDecimal> dailyCollections(Scope scope, LocalDate from, LocalDate to) {
    return perDay(scope, "sum(f.collected)", from, to);
  }

  private Map<LocalDate, BigDecimal> perDay(Scope scope, String sum, LocalDate from, LocalDate to) {
    List<DayAmount> rows =
        NamedRows.list(
            scope
                .bind(
                    em.createNativeQuery(
                        "select f.day, "
                            + sum
                            + " as amount from "
                            + flowTable(scope)
                            + " f where f.tenant_id = :tenant and f.currency = :currency and"
                            + " f.day between :from and :to"
                            + flowFilter(scope)
                            + CARRIES_A_FLOW
                            + " group by f.day",
                        Tuple.class))
                .setParameter("from", from)
                .setParameter("to", to),
            DayAmount.class,
            Columns.Nulls.FAIL);
    Map<LocalDate, BigDecimal> out = new HashMap<>();
    rows.forEach(d -> out.put(d.day(), d.amount()));
    return out;
  }

  /** Each customer's payments and their delay over [from, to], customers who paid something. */
  public Map<UUID, CustomerDelay> customerDelays(Scope scope, LocalDate from, LocalDate to) {
    List<CustomerDelayRow> rows =
        NamedRows.list(
            scope
                .bind(
                    em.createNativeQuery(
                        "select f.customer_id, sum(f.collected_due_days) as weighted_days,"
                            + " sum(f.collected) as collected from"
                            + " kpi_daily_flow f where f.tenant_id = :tenant and f.currency ="
                            + " :currency and f.day between :from and :to"
                            + scope.filter("f")
                            + " group by f.customer_id having sum(f.collected) > 0",
                        Tuple.class))
                .setParameter("from", from)
                .setParameter("to", to),
            CustomerDelayRow.class,
            Columns.Nulls.FAIL);
    Map<UUID, CustomerDelay> out = new HashMap<>();
    rows.forEach(c -> out.put(c.customerId(), c.delay()));
    return out;
  }
}
