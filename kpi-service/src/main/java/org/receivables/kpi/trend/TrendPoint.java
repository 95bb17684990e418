package org.receivables.kpi.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tenant's figures at the end of one day, each over the default period (90 days) ending that
 * day; the formulas are those of KpiSummary. A KPI that cannot be computed is null; the summary of
 * that day ({@code GET /api/v1/kpis/summary?asOf=}) says why in its {@code notComputed}. Every
 * field is required in the document (the kit's {@code ResponseFields}); what they mean is said
 * once, on the schema, rather than as a copy on each field.
 */
@Schema(
    name = "TrendPoint",
    description =
        "The tenant's figures at the end of one day, each over the 90 days ending that day. Every"
            + " figure but date is the KpiSummary field of the same name, as of that day; a KPI"
            + " that cannot be computed is null, and GET /api/v1/kpis/summary?asOf= says why in"
            + " its notComputed.")
public record TrendPoint(
    @Schema(description = "The day the figures are as of") LocalDate date,
    BigDecimal outstanding,
    BigDecimal overdue,
    @Schema(nullable = true) BigDecimal dso,
    @Schema(nullable = true) BigDecimal bestPossibleDso,
    @Schema(nullable = true) BigDecimal averageDaysDelinquent,
    @Schema(nullable = true) BigDecimal cei,
    @Schema(nullable = true) BigDecimal recoveryRate,
    @Schema(nullable = true) BigDecimal averageCollectionDelay,
    @Schema(nullable = true) BigDecimal badDebtRatio,
    @Schema(nullable = true) BigDecimal disputeRate,
    @Schema(nullable = true) BigDecimal promiseKeptRate) {}
