package org.receivables.kpi.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tenant's figures at the end of one day, each over the default period (90 days) ending that
 * day; the formulas are those of KpiSummary.
 */
@Schema(name = "TrendPoint")
public record TrendPoint(
    @Schema(description = "The day the figures are as of") LocalDate date,
    @Schema(description = "As KpiSummary.outstanding") BigDecimal outstanding,
    @Schema(description = "As KpiSummary.overdue") BigDecimal overdue,
    @Schema(description = "As KpiSummary.dso") BigDecimal dso,
    @Schema(description = "As KpiSummary.bestPossibleDso") BigDecimal bestPossibleDso,
    @Schema(description = "As KpiSummary.averageDaysDelinquent") BigDecimal averageDaysDelinquent,
    @Schema(description = "As KpiSummary.cei") BigDecimal cei,
    @Schema(description = "As KpiSummary.recoveryRate") BigDecimal recoveryRate,
    @Schema(description = "As KpiSummary.averageCollectionDelay") BigDecimal averageCollectionDelay,
    @Schema(description = "As KpiSummary.badDebtRatio") BigDecimal badDebtRatio,
    @Schema(description = "As KpiSummary.disputeRate") BigDecimal disputeRate,
    @Schema(description = "As KpiSummary.promiseKeptRate") BigDecimal promiseKeptRate) {}
