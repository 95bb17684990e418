package org.receivables.scoring.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.FinancialsTest;
import org.receivables.scoring.score.CreditLimitPolicy;
import org.receivables.scoring.score.ModelConfig;
import org.receivables.scoring.score.RiskClass;
import org.receivables.scoring.score.ScorecardTest;
import org.receivables.scoring.score.ScoringConfig;

class CreditRulesTest {

  final ScoringConfig config = ModelConfig.load();

  private CreditRules.Result decide(
      String amount, String exposure, String limit, boolean hold, long oldestOverdue, RiskClass c) {
    return CreditRules.decide(
        new CreditRules.Request(
            new BigDecimal(amount),
            new BigDecimal(exposure),
            new BigDecimal(limit),
            hold,
            "requested by dunning",
            oldestOverdue > 0 ? new BigDecimal("100") : BigDecimal.ZERO,
            oldestOverdue,
            c,
            600),
        config.policy().get(c.name()),
        config.decision());
  }

  private static List<String> rules(CreditRules.Result r, Decision outcome) {
    return r.verdicts().stream()
        .filter(v -> v.outcome() == outcome)
        .map(CreditRules.Verdict::rule)
        .toList();
  }

  @Test
  void withinTheLimitIsApproved() {
    CreditRules.Result r = decide("800", "1200", "5000", false, 0, RiskClass.B);
    assertThat(r.decision()).isEqualTo(Decision.APPROVE);
    assertThat(r.verdicts())
        .extracting(CreditRules.Verdict::rule)
        .contains("CREDIT_LIMIT", "RISK_CLASS");
  }

  @Test
  void slightlyOverTheLimitIsReviewedFarOverIsRejected() {
    assertThat(decide("4000", "1200", "5000", false, 0, RiskClass.B).decision())
        .isEqualTo(Decision.REVIEW); // 5200 ≤ 5500
    assertThat(decide("5000", "1200", "5000", false, 0, RiskClass.B).decision())
        .isEqualTo(Decision.REJECT);
  }

  @Test
  void holdsOverdueAndClassEachStandInTheWay() {
    CreditRules.Result held = decide("10", "0", "5000", true, 0, RiskClass.A);
    assertThat(held.decision()).isEqualTo(Decision.REJECT);
    assertThat(rules(held, Decision.REJECT)).containsExactly("CREDIT_HOLD");
    assertThat(decide("10", "0", "5000", false, 45, RiskClass.A).decision())
        .isEqualTo(Decision.REVIEW);
    assertThat(decide("10", "0", "5000", false, 120, RiskClass.A).decision())
        .isEqualTo(Decision.REJECT);
    assertThat(decide("10", "0", "5000", false, 0, RiskClass.D).decision())
        .isEqualTo(Decision.REVIEW);
    CreditRules.Result e = decide("10", "0", "0", false, 0, RiskClass.E);
    assertThat(rules(e, Decision.REJECT)).contains("PREPAYMENT", "CREDIT_LIMIT");
  }

  @Test
  void limitsFollowVolumeStarterAndEquity() {
    BigDecimal rounding = config.decision().limitRounding();
    PaymentBehaviour none =
        PaymentBehaviour.of(ScorecardTest.AS_OF, "EUR", List.of(), CollectionFacts.NONE);
    // no billing yet: the starter limit of the class
    assertThat(recommend(RiskClass.C, none, null, rounding).limit()).isEqualByComparingTo("5000");
    // one 10,000 invoice a month: 2.5 months of billing for class B
    PaymentBehaviour monthly =
        PaymentBehaviour.of(
            ScorecardTest.AS_OF, "EUR", ScorecardTest.monthlyInvoices(24, 0), CollectionFacts.NONE);
    assertThat(recommend(RiskClass.B, monthly, null, rounding).limit())
        .isEqualByComparingTo("25000");
    // ... capped at 5 % of equity for class D: 600,000 × 5 % = 30,000 > 10,000 month: not binding
    assertThat(
            recommend(RiskClass.D, monthly, Analysis.of(FinancialsTest.healthy()), rounding)
                .limit())
        .isEqualByComparingTo("10000");
    // negative equity caps at zero
    assertThat(
            recommend(RiskClass.C, monthly, Analysis.of(FinancialsTest.distressed()), rounding)
                .limit())
        .isEqualByComparingTo("0");
    assertThat(recommend(RiskClass.E, monthly, null, rounding).limit()).isEqualByComparingTo("0");
  }

  private CreditLimitPolicy.Recommendation recommend(
      RiskClass c, PaymentBehaviour b, Analysis fin, BigDecimal rounding) {
    return CreditLimitPolicy.recommend(c, config.policy().get(c.name()), b, fin, "EUR", rounding);
  }
}
