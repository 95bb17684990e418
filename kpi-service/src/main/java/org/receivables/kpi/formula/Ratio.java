package org.receivables.kpi.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Divisions of the formulas: undefined (null) when there is nothing to divide by. */
final class Ratio {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int WORKING_SCALE = 10;

  private Ratio() {}

  /** {@code numerator / denominator}, or null when the denominator is not positive. */
  static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() <= 0) {
      return null;
    }
    return numerator.divide(denominator, WORKING_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * Why {@link #divide} is null for this denominator, or null when it is defined: {@code none} when
   * it is zero or absent, {@code negative} when it is below zero.
   */
  static String undefinedBecause(BigDecimal denominator, String none, String negative) {
    if (denominator == null || denominator.signum() == 0) {
      return none;
    }
    return denominator.signum() < 0 ? negative : null;
  }

  static BigDecimal percent(BigDecimal numerator, BigDecimal denominator, int scale) {
    BigDecimal ratio = divide(numerator, denominator);
    return ratio == null ? null : ratio.multiply(HUNDRED).setScale(scale, RoundingMode.HALF_UP);
  }

  static BigDecimal days(BigDecimal value) {
    return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
  }

  static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
