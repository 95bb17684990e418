package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.financials.Analysis;

/**
 * Recommends a credit limit the way a credit manager reasons: what the customer buys (a few months
 * of its average billing, more for a safer class), never below a starter amount while the history
 * is short, and never above what its balance sheet can bear (a share of its equity). Class E gets
 * nothing: it pays in advance.
 */
public final class CreditLimitPolicy {

  private CreditLimitPolicy() {}

  /** A recommended limit and the sentence that explains it. */
  public record Recommendation(BigDecimal limit, String basis) {}

  /**
   * @param financials current statements, or null; used only when in the limit's currency
   */
  public static Recommendation recommend(
      RiskClass riskClass,
      ScoringConfig.ClassPolicy policy,
      PaymentBehaviour behaviour,
      Analysis financials,
      String currency,
      BigDecimal rounding) {
    if (policy.prepayment()) {
      return new Recommendation(
          BigDecimal.ZERO, "Class " + riskClass + ": payment in advance, no credit");
    }
    BigDecimal monthly = behaviour.monthlyBilling();
    BigDecimal volume = monthly.multiply(policy.monthsOfBilling());
    BigDecimal limit = volume.max(policy.starterLimit());
    String basis =
        volume.compareTo(policy.starterLimit()) >= 0
            ? policy.monthsOfBilling().stripTrailingZeros().toPlainString()
                + " months of average billing ("
                + round(monthly, BigDecimal.ONE).toPlainString()
                + " a month)"
            : "starter limit of class " + riskClass;
    if (financials != null && currency.equals(financials.figures().currency())) {
      BigDecimal size =
          financials.figures().equity().max(BigDecimal.ZERO).multiply(policy.equityShare());
      if (size.compareTo(limit) < 0) {
        limit = size;
        basis =
            "capped at "
                + policy.equityShare().movePointRight(2).stripTrailingZeros().toPlainString()
                + " % of equity ("
                + financials.figures().equity().stripTrailingZeros().toPlainString()
                + ")";
      }
    }
    return new Recommendation(round(limit, rounding), basis);
  }

  /** Rounded down to a multiple of {@code step}: limits are round numbers. */
  static BigDecimal round(BigDecimal amount, BigDecimal step) {
    if (step.signum() <= 0) {
      return amount.setScale(2, RoundingMode.DOWN);
    }
    return amount.divide(step, 0, RoundingMode.DOWN).multiply(step).setScale(2, RoundingMode.DOWN);
  }
}
