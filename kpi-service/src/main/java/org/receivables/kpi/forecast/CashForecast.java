package org.receivables.kpi.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Expected cash-in per week after asOf, and what actually came in for weeks already begun. */
@Schema(
    name = "CashForecast",
    description =
        "Each invoice open on asOf is expected on its due date shifted by its customer's own"
            + " average collection delay (amount-weighted days due → payment over the 365 days up"
            + " to asOf; the tenant's when the customer has no payments; never before asOf + 1),"
            + " for its open balance × its probability of being paid (1 − the customer's"
            + " probability of default known on asOf; without a score 0.98 not due, 0.95 1–30,"
            + " 0.85 31–60, 0.70 61–90, 0.40 over 90 days past due; halved while disputed).")
public record CashForecast(
    LocalDate asOf,
    String currency,
    @Schema(description = "Open balance on asOf") BigDecimal openReceivables,
    @Schema(description = "Sum of expected over the weeks") BigDecimal totalExpected,
    @Schema(description = "Expected after the last week") BigDecimal beyondHorizon,
    @Schema(
            nullable = true,
            description =
                "Actual cash-in of the weeks already begun (up to today); null when no week has"
                    + " begun")
        BigDecimal totalActual,
    List<Week> weeks) {

  /** One week of the forecast. */
  @Schema(name = "CashForecastWeek")
  public record Week(
      @Schema(description = "1 for the week starting the day after asOf") int week,
      LocalDate start,
      LocalDate end,
      @Schema(description = "Expected cash-in, probability-weighted") BigDecimal expected,
      @Schema(
              nullable = true,
              description =
                  "Collected (payments net of reversals) in the week up to today; null for a week"
                      + " that has not begun")
          BigDecimal actual,
      @Schema(
              nullable = true,
              description = "actual − expected; null for a week that has not begun")
          BigDecimal variance) {}
}
