package org.receivables.dunning.collect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The worth of a collector's call: amount at stake times the probability of collecting it, taken as
 * one minus the customer's probability of default from scoring; without a score, a typical default
 * rate of its risk class; without either, an average 10 %.
 */
public final class ExpectedValue {

  static final Map<String, BigDecimal> CLASS_DEFAULT_RATE =
      Map.of(
          "A", new BigDecimal("0.01"),
          "B", new BigDecimal("0.03"),
          "C", new BigDecimal("0.08"),
          "D", new BigDecimal("0.20"),
          "E", new BigDecimal("0.40"));
  static final BigDecimal UNKNOWN_DEFAULT_RATE = new BigDecimal("0.10");

  private ExpectedValue() {}

  public static BigDecimal probabilityOfCollecting(
      BigDecimal probabilityOfDefault, String riskClass) {
    BigDecimal pd = probabilityOfDefault;
    if (pd == null && riskClass != null) {
      pd = CLASS_DEFAULT_RATE.get(riskClass.toUpperCase(java.util.Locale.ROOT));
    }
    if (pd == null) {
      pd = UNKNOWN_DEFAULT_RATE;
    }
    pd = pd.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    return BigDecimal.ONE.subtract(pd).setScale(6, RoundingMode.HALF_UP);
  }

  public static BigDecimal of(BigDecimal amount, BigDecimal probability) {
    return amount.multiply(probability).setScale(4, RoundingMode.HALF_UP);
  }
}
