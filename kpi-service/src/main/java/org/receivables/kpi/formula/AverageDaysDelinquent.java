package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Average days delinquent: how many days of DSO are due to late payment, i.e. DSO minus best
 * possible DSO of the same period.
 */
public final class AverageDaysDelinquent {

  private AverageDaysDelinquent() {}

  /** Why {@link #of} is null: DSO (hence best possible DSO) is not computed, and why. */
  public static String notComputedBecause(String dsoNotComputedBecause) {
    return dsoNotComputedBecause == null ? null : "DSO is not computed: " + dsoNotComputedBecause;
  }

  public static BigDecimal of(BigDecimal dso, BigDecimal bestPossibleDso) {
    if (dso == null || bestPossibleDso == null) {
      return null;
    }
    return Ratio.days(dso.subtract(bestPossibleDso));
  }
}
