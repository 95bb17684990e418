package org.receivables.kpi.formula;

import java.math.BigDecimal;

/** Bad-debt ratio, in percent: amounts written off in the period over its net credit sales. */
public final class BadDebtRatio {

  private BadDebtRatio() {}

  /** Why {@link #of} is null: as for DSO, no (or negative) net sales to divide by. */
  public static String notComputedBecause(BigDecimal netSales) {
    return StandardDso.notComputedBecause(netSales);
  }

  public static BigDecimal of(BigDecimal writtenOff, BigDecimal netSales) {
    return Ratio.percent(writtenOff, netSales, 2);
  }
}
