package org.receivables.kpi.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tenant's figures at the end of one day, each over the default period (90 days) ending that
 * day; the formulas are those of KpiSummary. A KPI that cannot be computed is null; the summary of
 * that day ({@code GET /api/v1/kpis/summary?asOf=}) says why in its {@code notComputed}.
 */
@Schema(
    name = "TrendPoint",
    requiredProperties = {
      "date",
      "outstanding",
      "overdue",
      "dso",
      "bestPossibleDso",
      "averageDaysDelinquent",
      "cei",
      "recoveryRate",
      "averageCollectionDelay",
      "badDebtRatio",
      "disputeRate",
      "promiseKeptRate"
    })
public record TrendPoint(
    @Schema(description = "The day the figures are as of") LocalDate date,
    @Schema(description = "As KpiSummary.outstanding") BigDecimal outstanding,
    @Schema(description = "As KpiSummary.overdue") BigDecimal overdue,
    @Schema(nullable = true, description = "As KpiSummary.dso; null when not computable")
        BigDecimal dso,
    @Schema(
            nullable = true,
            description = "As KpiSummary.bestPossibleDso; null when not computable")
        BigDecimal bestPossibleDso,
    @Schema(
            nullable = true,
            description = "As KpiSummary.averageDaysDelinquent; null when not computable")
        BigDecimal averageDaysDelinquent,
    @Schema(nullable = true, description = "As KpiSummary.cei; null when not computable")
        BigDecimal cei,
    @Schema(nullable = true, description = "As KpiSummary.recoveryRate; null when not computable")
        BigDecimal recoveryRate,
    @Schema(
            nullable = true,
            description = "As KpiSummary.averageCollectionDelay; null when not computable")
        BigDecimal averageCollectionDelay,
    @Schema(nullable = true, description = "As KpiSummary.badDebtRatio; null when not computable")
        BigDecimal badDebtRatio,
    @Schema(nullable = true, description = "As KpiSummary.disputeRate; null when not computable")
        BigDecimal disputeRate,
    @Schema(
            nullable = true,
            description = "As KpiSummary.promiseKeptRate; null when not computable")
        BigDecimal promiseKeptRate) {}
