package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Collection effectiveness index (CEI), in percent: what was collected in the period over what
 * could have been collected, i.e. the receivables at the start plus the period's net credit sales
 * minus what is still current (not due) at the end.
 *
 * <p>Convention: the numerator is the cash actually collected (payments net of reversals). The
 * textbook numerator, beginning + sales − ending receivables, also counts write-offs as if they
 * were collected; the two agree when nothing was written off. Net sales are invoices issued less
 * credit notes, cancellations and early-payment discounts.
 */
public final class CollectionEffectivenessIndex {

  private CollectionEffectivenessIndex() {}

  /** Why {@link #of} is null for these inputs, or null when it is computed. */
  public static String notComputedBecause(
      BigDecimal beginningReceivables, BigDecimal netSales, BigDecimal endingCurrentReceivables) {
    BigDecimal collectible = beginningReceivables.add(netSales).subtract(endingCurrentReceivables);
    return Ratio.undefinedBecause(
        collectible,
        "nothing was collectible in the period (outstanding at the start + net sales − current"
            + " receivables at asOf is zero)",
        "nothing was collectible in the period (outstanding at the start + net sales − current"
            + " receivables at asOf is negative)");
  }

  /** Percent, one decimal; null when nothing was collectible. */
  public static BigDecimal of(
      BigDecimal beginningReceivables,
      BigDecimal netSales,
      BigDecimal endingCurrentReceivables,
      BigDecimal collected) {
    BigDecimal collectible = beginningReceivables.add(netSales).subtract(endingCurrentReceivables);
    return Ratio.percent(collected, collectible, 1);
  }
}
