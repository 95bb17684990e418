package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Dispute rate, in percent: the amount put in dispute in the period (the disputed amount, or the
 * whole invoice when the dispute names none) over the amount invoiced in the period.
 */
public final class DisputeRate {

  private DisputeRate() {}

  public static BigDecimal of(BigDecimal disputed, BigDecimal invoiced) {
    return Ratio.percent(disputed, invoiced, 2);
  }
}
