package org.receivables.kpi.formula;

/**
 * The aging buckets of an open balance, by days past the due date as of the report date. An amount
 * due on the report date itself is not yet due.
 */
public enum AgingBucket {
  NOT_DUE,
  DAYS_1_TO_30,
  DAYS_31_TO_60,
  DAYS_61_TO_90,
  OVER_90;

  public static AgingBucket of(long daysPastDue) {
    if (daysPastDue <= 0) {
      return NOT_DUE;
    }
    if (daysPastDue <= 30) {
      return DAYS_1_TO_30;
    }
    if (daysPastDue <= 60) {
      return DAYS_31_TO_60;
    }
    if (daysPastDue <= 90) {
      return DAYS_61_TO_90;
    }
    return OVER_90;
  }
}
