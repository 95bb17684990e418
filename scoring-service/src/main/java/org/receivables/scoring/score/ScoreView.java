package org.receivables.scoring.score;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's creditworthiness: score, class, probability of default, limit and reasons. */
@Schema(name = "Score")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreView(
    @Schema(description = "The customer's id in this suite") String customerId,
    @Schema(description = "0-1000, higher is safer", example = "742") int score,
    @Schema(description = "A (safest) to E", example = "B") RiskClass riskClass,
    @Schema(description = "Estimated probability of default within a year", example = "0.0031")
        BigDecimal probabilityOfDefault,
    @Schema(
            description = "The limit in force: the manager's override, else the recommendation",
            example = "25000.00")
        BigDecimal creditLimit,
    @Schema(example = "EUR") String currency,
    @Schema(
            description = "What the credit policy recommends for this class and customer",
            example = "25000.00")
        BigDecimal recommendedCreditLimit,
    @Schema(description = "Whether a credit manager overrode the recommended limit")
        boolean creditLimitOverridden,
    @Schema(description = "Whether the customer is on credit hold") boolean onHold,
    @Schema(description = "Each factor's effect in points, largest first; notes have effect 0")
        List<Reason> reasons,
    @Schema(description = "The date the factors were evaluated for") LocalDate asOf,
    Instant computedAt) {

  /** Policy of the customer's class, for a person deciding terms. */
  @Schema(name = "ClassPolicy")
  public record Policy(
      @Schema(example = "B") RiskClass riskClass,
      @Schema(description = "Longest payment terms granted", example = "60") int maxTermsDays,
      @Schema(description = "Orders need payment in advance") boolean prepayment,
      @Schema(description = "Every credit decision goes to a person") boolean alwaysReview) {}

  static ScoreView of(StoredScore s, boolean overridden, boolean onHold) {
    return new ScoreView(
        s.customerId(),
        s.score(),
        s.riskClass(),
        s.probabilityOfDefault(),
        s.creditLimit(),
        s.currency(),
        s.recommendedLimit(),
        overridden,
        onHold,
        s.reasons(),
        s.asOf(),
        s.computedAt());
  }
}
