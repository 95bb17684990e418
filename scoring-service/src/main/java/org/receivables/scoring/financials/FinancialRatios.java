package org.receivables.scoring.financials;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The classic solvency and liquidity ratios of one statement. A ratio whose denominator is zero is
 * reported as null, except where the limit is plainly good (no current liabilities: liquidity is
 * unlimited; no interest: nothing to cover), which is reported as {@link #UNLIMITED}.
 *
 * @param debtRatio total liabilities / total assets
 * @param equityRatio equity / total assets (1 − debt ratio when the balance sheet balances)
 * @param currentRatio current assets / current liabilities
 * @param quickRatio (current assets − inventories) / current liabilities; without inventories, the
 *     conservative cash / current liabilities; null when neither is given
 * @param interestCoverage EBIT / interest expense; null without interest expense
 * @param netMargin net income / revenue; null without net income or revenue
 */
public record FinancialRatios(
    BigDecimal debtRatio,
    BigDecimal equityRatio,
    BigDecimal currentRatio,
    BigDecimal quickRatio,
    BigDecimal interestCoverage,
    BigDecimal netMargin,
    BigDecimal workingCapital) {

  /** Stands for a ratio with a zero denominator whose meaning is "as good as it gets". */
  public static final BigDecimal UNLIMITED = new BigDecimal("999.9999");

  private static final MathContext MC = MathContext.DECIMAL64;

  public static FinancialRatios of(Figures f) {
    BigDecimal quickAssets =
        f.inventories() != null ? f.currentAssets().subtract(f.inventories()) : f.cash();
    return new FinancialRatios(
        ratio(f.totalLiabilities(), f.totalAssets(), null),
        ratio(f.equity(), f.totalAssets(), null),
        ratio(f.currentAssets(), f.currentLiabilities(), UNLIMITED),
        quickAssets == null ? null : ratio(quickAssets, f.currentLiabilities(), UNLIMITED),
        f.interestExpense() == null ? null : ratio(f.ebit(), f.interestExpense(), UNLIMITED),
        f.netIncome() == null ? null : ratio(f.netIncome(), f.revenue(), null),
        f.currentAssets().subtract(f.currentLiabilities()));
  }

  private static BigDecimal ratio(BigDecimal num, BigDecimal den, BigDecimal whenZero) {
    if (den.signum() == 0) {
      return whenZero;
    }
    BigDecimal r = num.divide(den, MC).setScale(4, RoundingMode.HALF_UP);
    return r.min(UNLIMITED).max(UNLIMITED.negate());
  }
}
