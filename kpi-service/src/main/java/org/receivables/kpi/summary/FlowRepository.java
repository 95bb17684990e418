package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.kpi.sql.Rows;

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

  /** The scope's condition on the rows of {@link #flowTable}. */
  private static String flowFilter(Scope scope) {
    return scope.readsAggregates() ? scope.aggregateFilter("f") : scope.filter("f");
  }

  public Flows flows(Scope scope, LocalDate from, LocalDate to) {
    return Rows.single(
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
                        + flowFilter(scope)))
            .setParameter("from", from)
            .setParameter("to", to),
        r ->
            new Flows(
                r.decimal(0),
                r.decimal(1),
                r.decimal(2),
                r.decimal(3),
                r.decimal(4),
                r.decimal(5),
                r.decimal(6),
                r.decimal(7),
                r.decimal(8)));
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
        Rows.list(
            scope
                .bind(
                    em.createNativeQuery(
                        "select f.day, "
                            + sum
                            + " from "
                            + flowTable(scope)
                            + " f where f.tenant_id = :tenant and f.currency = :currency and"
                            + " f.day between :from and :to"
                            + flowFilter(scope)
                            + CARRIES_A_FLOW
                            + " group by f.day"))
                .setParameter("from", from)
                .setParameter("to", to),
            r -> new DayAmount(r.date(0), r.decimal(1)));
    Map<LocalDate, BigDecimal> out = new HashMap<>();
    rows.forEach(d -> out.put(d.day(), d.amount()));
    return out;
  }

  /** Each customer's payments and their delay over [from, to], customers who paid something. */
  public Map<UUID, CustomerDelay> customerDelays(Scope scope, LocalDate from, LocalDate to) {
    List<CustomerDelayRow> rows =
        Rows.list(
            scope
                .bind(
                    em.createNativeQuery(
                        "select f.customer_id, sum(f.collected_due_days), sum(f.collected) from"
                            + " kpi_daily_flow f where f.tenant_id = :tenant and f.currency ="
                            + " :currency and f.day between :from and :to"
                            + scope.filter("f")
                            + " group by f.customer_id having sum(f.collected) > 0"))
                .setParameter("from", from)
                .setParameter("to", to),
            r -> new CustomerDelayRow(r.uuid(0), new CustomerDelay(r.decimal(1), r.decimal(2))));
    Map<UUID, CustomerDelay> out = new HashMap<>();
    rows.forEach(c -> out.put(c.customerId(), c.delay()));
    return out;
  }
}
