package org.receivables.scoring.financials;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One fiscal year's balance sheet and income statement figures, as ratios and the Z''-score need
 * them. Optional figures are null when the statement does not give them.
 */
public record Figures(
    LocalDate fiscalYearEnd,
    String currency,
    BigDecimal totalAssets,
    BigDecimal currentAssets,
    @Schema(nullable = true) BigDecimal cash,
    @Schema(nullable = true) BigDecimal inventories,
    BigDecimal totalLiabilities,
    BigDecimal currentLiabilities,
    BigDecimal equity,
    BigDecimal revenue,
    BigDecimal ebit,
    @Schema(nullable = true) BigDecimal interestExpense,
    @Schema(nullable = true) BigDecimal netIncome,
    @Schema(nullable = true) BigDecimal retainedEarnings) {}
