package org.receivables.kpi.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kpi.formula.TargetVariance.Comparison;
import org.receivables.kpi.formula.TargetVariance.Trend;
import org.receivables.kpi.summary.CustomerOverdue;

/** Actual against target for each KPI with a target, and who contributes most to the gap. */
@Schema(name = "VarianceReport")
public record VarianceReport(
    LocalDate asOf,
    LocalDate periodStart,
    String currency,
    List<Item> items,
    @Schema(
            description =
                "The customers contributing most to the gap between DSO and best possible DSO"
                    + " (largest overdue first)")
        List<CustomerOverdue> topContributors) {

  /** One KPI against its target. */
  @Schema(name = "VarianceItem")
  public record Item(
      Kpi kpi,
      Comparison comparison,
      BigDecimal target,
      @Schema(
              nullable = true,
              description = "The KPI as of asOf over the period; null when undefined")
          BigDecimal actual,
      @Schema(
              nullable = true,
              description = "actual − target, in the KPI's unit; null when actual is")
          BigDecimal gap,
      @Schema(
              nullable = true,
              description = "Whether actual meets the target; null when actual is undefined")
          Boolean met,
      @Schema(
              description =
                  "UNKNOWN when fewer than two points of history are defined, STABLE when equal;"
                      + " else IMPROVING or WORSENING with respect to the target's direction, from the oldest"
                      + " to the newest point of history")
          Trend trend,
      @Schema(description = "The KPI at the last six month ends and asOf, oldest first")
          List<Point> history) {}

  /** The KPI's value on one day. */
  @Schema(name = "VariancePoint")
  public record Point(
      LocalDate date,
      @Schema(nullable = true, description = "null when the KPI is undefined that day")
          BigDecimal value) {}
}
