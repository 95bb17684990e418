package org.receivables.kpi.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The probability that an open invoice is paid, for the cash forecast: one minus the customer's
 * probability of default when scoring has published one, otherwise a default by aging bucket (the
 * older the debt, the less likely it is paid). A disputed invoice counts for half.
 */
public final class PaymentProbability {

  private PaymentProbability() {}

  public static BigDecimal of(
      BigDecimal probabilityOfDefault, AgingBucket bucket, boolean disputed) {
    BigDecimal p =
        probabilityOfDefault != null
            ? BigDecimal.ONE.subtract(probabilityOfDefault.max(BigDecimal.ZERO).min(BigDecimal.ONE))
            : byAge(bucket);
    if (disputed) {
      p = p.divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP);
    }
    return p;
  }

  static BigDecimal byAge(AgingBucket bucket) {
    return switch (bucket) {
      case NOT_DUE -> new BigDecimal("0.98");
      case DAYS_1_TO_30 -> new BigDecimal("0.95");
      case DAYS_31_TO_60 -> new BigDecimal("0.85");
      case DAYS_61_TO_90 -> new BigDecimal("0.70");
      case OVER_90 -> new BigDecimal("0.40");
    };
  }
}
