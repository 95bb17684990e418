package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Best possible DSO: the DSO the company would have if every customer paid exactly on time, i.e.
 * only current (not yet due) receivables over the period's net credit sales, times its days.
 */
public final class BestPossibleDso {

  private BestPossibleDso() {}

  /** Why {@link #of} is null: as for the standard DSO, no (or negative) net sales. */
  public static String notComputedBecause(BigDecimal netSales) {
    return StandardDso.notComputedBecause(netSales);
  }

  public static BigDecimal of(BigDecimal currentReceivables, BigDecimal netSales, int periodDays) {
    return StandardDso.of(currentReceivables, netSales, periodDays);
  }
}
