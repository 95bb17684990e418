package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Days sales outstanding, standard method: receivables at the end of the period divided by the
 * credit sales of the period, times the days of the period. Sales are net of credit notes,
 * cancellations and discounts.
 */
public final class StandardDso {

  static final String NO_NET_SALES = "no net credit sales in the period";
  static final String NEGATIVE_NET_SALES =
      "net credit sales of the period are negative: credit notes, cancellations and discounts"
          + " exceed what was invoiced";

  private StandardDso() {}

  /** Why {@link #of} is null for these net sales (none, or negative), or null when computed. */
  public static String notComputedBecause(BigDecimal netSales) {
    return Ratio.undefinedBecause(netSales, NO_NET_SALES, NEGATIVE_NET_SALES);
  }

  /** Days, one decimal; null when the period had no sales. */
  public static BigDecimal of(BigDecimal receivables, BigDecimal netSales, int periodDays) {
    BigDecimal ratio = Ratio.divide(receivables, netSales);
    return ratio == null ? null : Ratio.days(ratio.multiply(BigDecimal.valueOf(periodDays)));
  }
}
