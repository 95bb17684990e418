package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.util.List;

/**
 * A computed score with its reasons and the weights the three pillars actually had.
 *
 * @param weights effective weights of behaviour, financials, external and the neutral start; they
 *     add up to 1
 */
public record ScoreResult(
    int score,
    RiskClass riskClass,
    BigDecimal probabilityOfDefault,
    List<Reason> reasons,
    Weights weights) {

  /** How much each input counted for this customer. */
  public record Weights(double behaviour, double financials, double external, double neutral) {}
}
