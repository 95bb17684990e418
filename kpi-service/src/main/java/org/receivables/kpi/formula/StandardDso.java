package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Days sales outstanding, standard method: receivables at the end of the period divided by the
 * credit sales of the period, times the days of the period. Sales are net of credit notes,
 * cancellations and discounts.
 */
public final class StandardDso {

  private StandardDso() {}

  /** Days, one decimal; null when the period had no sales. */
  public static BigDecimal of(BigDecimal receivables, BigDecimal netSales, int periodDays) {
    BigDecimal ratio = Ratio.divide(receivables, netSales);
    return ratio == null ? null : Ratio.days(ratio.multiply(BigDecimal.valueOf(periodDays)));
  }
}
