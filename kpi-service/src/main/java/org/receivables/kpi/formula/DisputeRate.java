package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Dispute rate, in percent: the amount put in dispute in the period (the disputed amount, or the
 * whole invoice when the dispute names none) over the amount invoiced in the period.
 */
public final class DisputeRate {

  private DisputeRate() {}

  /** Why {@link #of} is null: nothing was invoiced in the period. */
  public static String notComputedBecause(BigDecimal invoiced) {
    String none = "nothing was invoiced in the period";
    return Ratio.undefinedBecause(invoiced, none, none);
  }

  public static BigDecimal of(BigDecimal disputed, BigDecimal invoiced) {
    return Ratio.percent(disputed, invoiced, 2);
  }
}
