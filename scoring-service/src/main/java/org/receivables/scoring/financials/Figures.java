package org.receivables.scoring.financials;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One fiscal year's balance sheet and income statement figures, as ratios and the Z''-score need
 * them. Optional figures are null when the statement does not give them.
 */
public record Figures(
    LocalDate fiscalYearEnd,
    String currency,
    BigDecimal totalAssets,
    BigDecimal currentAssets,
    BigDecimal cash,
    BigDecimal inventories,
    BigDecimal totalLiabilities,
    BigDecimal currentLiabilities,
    BigDecimal equity,
    BigDecimal revenue,
    BigDecimal ebit,
    BigDecimal interestExpense,
    BigDecimal netIncome,
    BigDecimal retainedEarnings) {}
