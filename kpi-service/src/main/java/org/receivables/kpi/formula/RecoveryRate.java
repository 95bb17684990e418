package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Recovery rate, in percent: of the amount that fell overdue in the period (the open balance of
 * each invoice at the end of its due date, for due dates in the period), the share paid after the
 * due date and by the end of the period.
 */
public final class RecoveryRate {

  private RecoveryRate() {}

  /** Why {@link #of} is null: nothing fell overdue in the period. */
  public static String notComputedBecause(BigDecimal fellOverdue) {
    String none = "no amount fell overdue in the period";
    return Ratio.undefinedBecause(fellOverdue, none, none);
  }

  public static BigDecimal of(BigDecimal recovered, BigDecimal fellOverdue) {
    return Ratio.percent(recovered, fellOverdue, 1);
  }
}
