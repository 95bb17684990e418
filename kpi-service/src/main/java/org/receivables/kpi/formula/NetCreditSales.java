package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Net credit sales of a period, the denominator of DSO, best possible DSO and the bad-debt ratio:
 * invoiced less credit notes, cancellations and early-payment discounts.
 */
public final class NetCreditSales {

  private NetCreditSales() {}

  public static BigDecimal of(
      BigDecimal invoiced, BigDecimal credited, BigDecimal cancelled, BigDecimal discounted) {
    return invoiced.subtract(credited).subtract(cancelled).subtract(discounted);
  }
}
