package org.receivables.kpi.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The collection figures of one tenant and currency (or one customer or segment of it) as of one
 * date, with period figures over [periodStart, asOf]. A figure that cannot be computed (nothing to
 * divide by) is null, and {@code notComputed} says why.
 */
@Schema(
    name = "KpiSummary",
    // every field but customerId and segment is always present (a KPI may be null, see notComputed)
    requiredProperties = {
      "asOf",
      "periodStart",
      "periodDays",
      "currency",
      "outstanding",
      "overdue",
      "openInvoices",
      "dso",
      "countBackDso",
      "bestPossibleDso",
      "averageDaysDelinquent",
      "cei",
      "recoveryRate",
      "averageCollectionDelay",
      "averageDaysToPay",
      "badDebtRatio",
      "disputeRate",
      "promiseKeptRate",
      "paymentPlanKeptRate",
      "invoiced",
      "netSales",
      "collected",
      "writtenOff",
      "fellOverdue",
      "recovered",
      "aging",
      "notComputed"
    })
public record KpiSummary(
    @Schema(description = "The date the figures are computed for (end of the period, included)")
        LocalDate asOf,
    @Schema(
            description =
                "First day of the period of the period KPIs (DSO, CEI, rates, delays); by default"
                    + " 90 days up to asOf")
        LocalDate periodStart,
    @Schema(description = "Days in the period, both ends included", example = "90") int periodDays,
    @Schema(example = "EUR") String currency,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present when the figures are those of one customer")
        UUID customerId,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present when the figures are those of one customer segment")
        String segment,
    @Schema(
            description =
                "Open balance as of asOf: invoices issued on or before asOf, net of payments,"
                    + " credit notes, cancellations and write-offs dated on or before asOf. Equals"
                    + " the sum of the aging buckets.")
        BigDecimal outstanding,
    @Schema(description = "The part of outstanding whose due date is before asOf")
        BigDecimal overdue,
    @Schema(description = "Invoices with an open balance as of asOf") long openInvoices,
    @Schema(
            nullable = true,
            description =
                "Days sales outstanding, standard method: outstanding ÷ net credit sales of the"
                    + " period × periodDays. Net sales = invoiced − credit notes − cancellations −"
                    + " early-payment discounts.",
            example = "52.4")
        BigDecimal dso,
    @Schema(
            nullable = true,
            description =
                "Days sales outstanding, count-back method: outstanding is matched against the"
                    + " net sales of the calendar months ending on asOf, most recent first; each"
                    + " month used up counts its days, the last one the share still needed (AR 212k"
                    + " against 100k, 80k, 70k of 30-day months: 73.7 days). A lower bound when AR"
                    + " exceeds 24 months of sales.",
            example = "73.7")
        BigDecimal countBackDso,
    @Schema(
            nullable = true,
            description =
                "Best possible DSO: current (not yet due) receivables ÷ net credit sales of the"
                    + " period × periodDays; the DSO if everyone paid on time",
            example = "38.0")
        BigDecimal bestPossibleDso,
    @Schema(
            nullable = true,
            description = "Average days delinquent: dso − bestPossibleDso",
            example = "14.4")
        BigDecimal averageDaysDelinquent,
    @Schema(
            nullable = true,
            description =
                "Collection effectiveness index, percent: collected ÷ (outstanding at the start of"
                    + " the period + net credit sales of the period − current receivables at"
                    + " asOf) × 100. Convention: 'collected' is cash received net of reversals, so"
                    + " write-offs do not count as collections (the textbook numerator, beginning"
                    + " + sales − ending AR, would count them); the two agree without write-offs."
                    + " Example: 100k at start, 50k sales, 60k current at the end, 70k collected →"
                    + " 70 ÷ 90 = 77.8 %.",
            example = "77.8")
        BigDecimal cei,
    @Schema(
            nullable = true,
            description =
                "Recovery rate, percent: of the amount that fell overdue in the period (each"
                    + " invoice's open balance at the end of its due date, for invoices becoming"
                    + " overdue in the period), the share paid after the due date and by asOf",
            example = "75.0")
        BigDecimal recoveryRate,
    @Schema(
            nullable = true,
            description =
                "Average collection delay, days: amount-weighted mean of (payment date − due date)"
                    + " over the payments of the period, net of reversals; negative when customers"
                    + " pay early",
            example = "6.3")
        BigDecimal averageCollectionDelay,
    @Schema(
            nullable = true,
            description =
                "Average days to pay: amount-weighted mean of (payment date − issue date) over the"
                    + " payments of the period",
            example = "41.2")
        BigDecimal averageDaysToPay,
    @Schema(
            nullable = true,
            description = "Bad-debt ratio, percent: written off in the period ÷ net credit sales",
            example = "0.75")
        BigDecimal badDebtRatio,
    @Schema(
            nullable = true,
            description =
                "Dispute rate, percent: amount put in dispute in the period (the whole invoice"
                    + " when the dispute names no amount) ÷ amount invoiced in the period",
            example = "2.50")
        BigDecimal disputeRate,
    @Schema(
            nullable = true,
            description =
                "Promise-kept rate, percent: promises to pay kept ÷ promises whose outcome (kept or"
                    + " broken) became known in the period, counted per promise",
            example = "75.0")
        BigDecimal promiseKeptRate,
    @Schema(
            nullable = true,
            description =
                "Payment plans completed ÷ payment plans completed or broken in the period, percent",
            example = "80.0")
        BigDecimal paymentPlanKeptRate,
    @Schema(description = "Amount invoiced in the period") BigDecimal invoiced,
    @Schema(description = "Net credit sales of the period (see dso)") BigDecimal netSales,
    @Schema(description = "Cash collected in the period, net of reversals") BigDecimal collected,
    @Schema(description = "Amount written off in the period") BigDecimal writtenOff,
    @Schema(description = "Amount that fell overdue in the period (see recoveryRate)")
        BigDecimal fellOverdue,
    @Schema(description = "Of fellOverdue, what was paid by asOf (see recoveryRate)")
        BigDecimal recovered,
    Aging aging,
    @Schema(
            description =
                "Why each KPI that is null could not be computed, by field name (e.g. \"dso\":"
                    + " \"no net credit sales in the period\"); empty when every KPI was computed",
            example = "{\"dso\": \"no net credit sales in the period\"}")
        Map<String, String> notComputed) {

  /** Outstanding by days past due; the five buckets add up to outstanding. */
  @Schema(
      name = "Aging",
      requiredProperties = {"notDue", "days1to30", "days31to60", "days61to90", "over90"},
      description =
          "Open balance by days past the due date as of asOf; an amount due on asOf is not due."
              + " The buckets add up to outstanding.")
  public record Aging(
      @Schema(description = "Due on or after asOf") BigDecimal notDue,
      @Schema(description = "1 to 30 days past due") BigDecimal days1to30,
      @Schema(description = "31 to 60 days past due") BigDecimal days31to60,
      @Schema(description = "61 to 90 days past due") BigDecimal days61to90,
      @Schema(description = "More than 90 days past due") BigDecimal over90) {}
}
