package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Promise-kept rate, in percent: of the promises to pay whose outcome became known in the period,
 * the share kept. Counted per promise, not per amount; pending promises are left out.
 */
public final class PromiseKeptRate {

  private PromiseKeptRate() {}

  /**
   * Why {@link #of} is null: none of the {@code commitments} (e.g. "promise to pay") came to an
   * outcome in the period.
   */
  public static String notComputedBecause(long kept, long broken, String commitments) {
    return kept + broken > 0 ? null : "no " + commitments + " was kept or broken in the period";
  }

  public static BigDecimal of(long kept, long broken) {
    return Ratio.percent(BigDecimal.valueOf(kept), BigDecimal.valueOf(kept + broken), 1);
  }
}
