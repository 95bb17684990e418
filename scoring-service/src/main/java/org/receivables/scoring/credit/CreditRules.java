package org.receivables.scoring.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.scoring.score.RiskClass;
import org.receivables.scoring.score.ScoringConfig;

/**
 * The credit decision for one order: every rule looks at the request on its own and the worst
 * outcome wins, so a person reading the reasons sees everything that stood in the way, not only the
 * first thing.
 */
public final class CreditRules {

  private CreditRules() {}

  /** What the rules look at. */
  public record Request(
      BigDecimal amount,
      BigDecimal exposure,
      BigDecimal creditLimit,
      boolean onHold,
      String holdReason,
      BigDecimal overdue,
      long oldestOverdueDays,
      RiskClass riskClass,
      int score) {}

  /** One rule's verdict. */
  @Schema(name = "DecisionReason")
  public record Verdict(
      @Schema(example = "CREDIT_LIMIT") String rule,
      @Schema(example = "APPROVE") Decision outcome,
      @Schema(example = "Exposure 1200.00 + order 800.00 stays within the limit of 5000.00")
          String detail) {}

  /** The outcome and every verdict behind it. */
  public record Result(Decision decision, List<Verdict> verdicts) {}

  public static Result decide(
      Request r, ScoringConfig.ClassPolicy policy, ScoringConfig.Decision rules) {
    List<Verdict> verdicts = new ArrayList<>();
    if (r.onHold()) {
      verdicts.add(
          new Verdict(
              "CREDIT_HOLD", Decision.REJECT, "Customer is on credit hold: " + r.holdReason()));
    }
    if (policy.prepayment()) {
      verdicts.add(
          new Verdict(
              "PREPAYMENT",
              Decision.REJECT,
              "Risk class "
                  + r.riskClass()
                  + " (score "
                  + r.score()
                  + ") requires payment in advance"));
    } else if (policy.alwaysReview()) {
      verdicts.add(
          new Verdict(
              "RISK_CLASS",
              Decision.REVIEW,
              "Risk class "
                  + r.riskClass()
                  + " (score "
                  + r.score()
                  + "): every order is reviewed"));
    } else {
      verdicts.add(
          new Verdict(
              "RISK_CLASS",
              Decision.APPROVE,
              "Risk class " + r.riskClass() + " (score " + r.score() + ")"));
    }
    BigDecimal after = r.exposure().add(r.amount());
    BigDecimal tolerated = r.creditLimit().multiply(BigDecimal.ONE.add(rules.overLimitTolerance()));
    String figures =
        "Exposure "
            + r.exposure().toPlainString()
            + " + order "
            + r.amount().toPlainString()
            + " = "
            + after.toPlainString();
    if (after.compareTo(r.creditLimit()) <= 0) {
      verdicts.add(
          new Verdict(
              "CREDIT_LIMIT",
              Decision.APPROVE,
              figures + " stays within the limit of " + r.creditLimit().toPlainString()));
    } else if (after.compareTo(tolerated) <= 0 && r.creditLimit().signum() > 0) {
      verdicts.add(
          new Verdict(
              "CREDIT_LIMIT",
              Decision.REVIEW,
              figures
                  + " exceeds the limit of "
                  + r.creditLimit().toPlainString()
                  + " by less than "
                  + rules
                      .overLimitTolerance()
                      .movePointRight(2)
                      .stripTrailingZeros()
                      .toPlainString()
                  + " %"));
    } else {
      verdicts.add(
          new Verdict(
              "CREDIT_LIMIT",
              Decision.REJECT,
              figures + " exceeds the limit of " + r.creditLimit().toPlainString()));
    }
    if (r.oldestOverdueDays() > rules.rejectOverdueDays()) {
      verdicts.add(overdue(r, Decision.REJECT, rules.rejectOverdueDays()));
    } else if (r.oldestOverdueDays() > rules.reviewOverdueDays()) {
      verdicts.add(overdue(r, Decision.REVIEW, rules.reviewOverdueDays()));
    } else if (r.overdue().signum() > 0) {
      verdicts.add(
          new Verdict(
              "OVERDUE",
              Decision.APPROVE,
              r.overdue().toPlainString()
                  + " overdue, at most "
                  + r.oldestOverdueDays()
                  + " days past due"));
    }
    Decision decision = Decision.APPROVE;
    for (Verdict v : verdicts) {
      decision = decision.worst(v.outcome());
    }
    return new Result(decision, List.copyOf(verdicts));
  }

  private static Verdict overdue(Request r, Decision outcome, int threshold) {
    return new Verdict(
        "OVERDUE",
        outcome,
        r.overdue().toPlainString()
            + " overdue; the oldest invoice is "
            + r.oldestOverdueDays()
            + " days past due (more than "
            + threshold
            + ")");
  }
}
