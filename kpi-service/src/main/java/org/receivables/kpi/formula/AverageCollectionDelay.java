package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Average collection delay: the amount-weighted mean number of days between a reference date and
 * the payment, over the payments of the period. From the due date it is the delay proper (negative
 * when customers pay early); from the issue date it is the average time to pay.
 */
public final class AverageCollectionDelay {

  private BigDecimal weightedDays = BigDecimal.ZERO;
  private BigDecimal amount = BigDecimal.ZERO;

  /** Adds one payment of {@code paid}, {@code days} after the reference date. */
  public AverageCollectionDelay add(BigDecimal paid, long days) {
    weightedDays = weightedDays.add(paid.multiply(BigDecimal.valueOf(days)));
    amount = amount.add(paid);
    return this;
  }

  public BigDecimal days() {
    return of(weightedDays, amount);
  }

  /** Why {@link #of} is null: no payments (net of reversals) in the period. */
  public static String notComputedBecause(BigDecimal amount) {
    return Ratio.undefinedBecause(
        amount, "no payments in the period", "reversals exceed the payments of the period");
  }

  /**
   * Days, one decimal, from sums already kept: {@code Σ amount × days} and {@code Σ amount}; null
   * when nothing was paid.
   */
  public static BigDecimal of(BigDecimal weightedDays, BigDecimal amount) {
    return Ratio.days(Ratio.divide(weightedDays, amount));
  }
}
