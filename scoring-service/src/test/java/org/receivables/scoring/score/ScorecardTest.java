package org.receivables.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.behaviour.Settlement;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.FinancialsTest;

/** Worked examples of the shipped scorecard: a healthy firm, a firm in distress, a new customer. */
public class ScorecardTest {

  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  final Scorecard scorecard = ModelConfig.scorecard();

  /**
   * One 10,000 invoice a month for {@code months} months up to the as-of date, due 30 days later
   * and paid {@code daysLate} after that (the last one is not due yet).
   */
  public static List<InvoiceHistory> monthlyInvoices(int months, int daysLate) {
    List<InvoiceHistory> out = new ArrayList<>();
    for (int m = months; m >= 1; m--) {
      LocalDate issued = AS_OF.minusMonths(m).plusDays(1);
      LocalDate due = issued.plusDays(30);
      LocalDate paid = due.plusDays(daysLate);
      List<Settlement> s =
          paid.isAfter(AS_OF)
              ? List.of()
              : List.of(Settlement.payment(new BigDecimal("10000"), paid));
      out.add(new InvoiceHistory("I" + m, "EUR", issued, due, new BigDecimal("10000"), null, s));
    }
    return out;
  }

  static PaymentBehaviour behaviour(List<InvoiceHistory> invoices, CollectionFacts facts) {
    return PaymentBehaviour.of(AS_OF, "EUR", invoices, facts);
  }

  static ScoreInputs inputs(PaymentBehaviour b, Analysis fin, ExternalScore ext) {
    return new ScoreInputs(AS_OF, b, fin, ext, null, null);
  }

  static int effect(ScoreResult r, String factor) {
    return r.reasons().stream()
        .filter(x -> x.factor().equals(factor))
        .mapToInt(Reason::effect)
        .sum();
  }

  @Test
  void aNewCustomerWithNothingKnownGetsTheNeutralScoreAndIsToldWhy() {
    ScoreResult r = scorecard.score(inputs(behaviour(List.of(), CollectionFacts.NONE), null, null));
    assertThat(r.score()).isEqualTo(500);
    assertThat(r.riskClass()).isEqualTo(RiskClass.C);
    // 50 % at 200, odds halve every 65 points: 1 / (1 + 2^(300/65))
    assertThat(r.probabilityOfDefault()).isEqualByComparingTo("0.0392");
    assertThat(r.weights().neutral()).isEqualTo(1.0);
    assertThat(r.reasons().get(0).factor()).isEqualTo("historyDepth");
    assertThat(r.reasons().get(0).detail()).contains("No invoice has fallen due yet");
  }

  @Test
  void aNewCustomerLeansOnItsStatements() {
    ScoreResult r =
        scorecard.score(
            inputs(
                behaviour(List.of(), CollectionFacts.NONE),
                Analysis.of(FinancialsTest.healthy()),
                null));
    // statements carry the whole weight: 500 + 150 (Z'' safe) + 60 (equity 60 %) + 40 (current
    // 2.4) + 30 (quick 2.0) + 50 (coverage 15) + 40 (margin 5 %)
    assertThat(r.weights().financials()).isEqualTo(1.0);
    assertThat(r.score()).isEqualTo(870);
    assertThat(r.riskClass()).isEqualTo(RiskClass.A);
    assertThat(effect(r, "altmanZ")).isEqualTo(150);
    assertThat(r.reasons().get(0).detail()).contains("leans on the financial statements");
  }

  @Test
  void aHealthyFirmThatPaysOnTime() {
    ScoreResult r =
        scorecard.score(
            inputs(
                behaviour(monthlyInvoices(37, 0), CollectionFacts.NONE),
                Analysis.of(FinancialsTest.healthy()),
                null));
    // behaviour 0.55 + external's 0.15 = 0.70, statements 0.30;
    // behaviour points 150 + 100 + 50 + 50 + 60 = 410, statements 370
    assertThat(r.weights().behaviour()).isCloseTo(0.70, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.score()).isEqualTo(500 + 287 + 111);
    assertThat(r.riskClass()).isEqualTo(RiskClass.A);
    assertThat(r.reasons()).noneMatch(x -> x.factor().equals("historyDepth"));
    assertThat(effect(r, "paymentDelay")).isEqualTo(105);
  }

  @Test
  void aFirmInDistress() {
    List<InvoiceHistory> invoices = monthlyInvoices(12, 75);
    CollectionFacts facts =
        new CollectionFacts(
            List.of(),
            List.of(AS_OF.minusMonths(2), AS_OF.minusMonths(1)),
            List.of(AS_OF.minusDays(10)),
            List.of(AS_OF.minusDays(5)));
    ScoreResult r =
        scorecard.score(
            inputs(
                behaviour(invoices, facts),
                Analysis.of(FinancialsTest.distressed()),
                new ExternalScore("Bureau", "CCC", new BigDecimal("15"), AS_OF.minusMonths(1))));
    assertThat(r.riskClass()).isEqualTo(RiskClass.E);
    assertThat(r.score()).isLessThan(350);
    assertThat(r.probabilityOfDefault()).isGreaterThan(new BigDecimal("0.15"));
    assertThat(effect(r, "paymentDelay")).isNegative();
    assertThat(effect(r, "brokenCommitments")).isNegative();
    assertThat(effect(r, "altmanZ")).isNegative();
    assertThat(effect(r, "externalRating")).isNegative();
  }

  @Test
  void aShortHistoryCountsInProportionAndSaysSo() {
    List<InvoiceHistory> two = monthlyInvoices(2, 0);
    ScoreResult r = scorecard.score(inputs(behaviour(two, CollectionFacts.NONE), null, null));
    // 2 of 6 invoices: behaviour counts a third of its (full, 100 %) share, the rest stays neutral
    assertThat(r.weights().behaviour())
        .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.weights().neutral()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.reasons().get(0).detail()).contains("Only 2 invoice(s) have fallen due");
  }

  @Test
  void sectorRiskAndStaleInputs() {
    PaymentBehaviour b = behaviour(monthlyInvoices(12, 0), CollectionFacts.NONE);
    ScoreResult plain = scorecard.score(inputs(b, null, null));
    ScoreResult risky =
        scorecard.score(
            new ScoreInputs(AS_OF, b, null, null, "construction", SectorRiskLevel.VERY_HIGH));
    assertThat(risky.score()).isEqualTo(plain.score() - 80);
    ScoreResult stale =
        scorecard.score(
            inputs(
                b, null, new ExternalScore("Bureau", null, BigDecimal.TEN, AS_OF.minusMonths(13))));
    assertThat(stale.score()).isEqualTo(plain.score());
    assertThat(stale.reasons()).anyMatch(x -> x.detail().contains("no longer counts"));
  }

  @Test
  void reasonsAddUpToTheScore() {
    ScoreResult r =
        scorecard.score(
            inputs(
                behaviour(monthlyInvoices(20, 12), CollectionFacts.NONE),
                Analysis.of(FinancialsTest.healthy()),
                new ExternalScore("Bureau", "A", new BigDecimal("70"), AS_OF)));
    int sum = r.reasons().stream().mapToInt(Reason::effect).sum();
    assertThat(Math.abs(500 + sum - r.score())).isLessThanOrEqualTo(r.reasons().size());
  }

  @Test
  void classesFollowTheThresholds() {
    assertThat(scorecard.riskClass(800)).isEqualTo(RiskClass.A);
    assertThat(scorecard.riskClass(799)).isEqualTo(RiskClass.B);
    assertThat(scorecard.riskClass(650)).isEqualTo(RiskClass.B);
    assertThat(scorecard.riskClass(500)).isEqualTo(RiskClass.C);
    assertThat(scorecard.riskClass(350)).isEqualTo(RiskClass.D);
    assertThat(scorecard.riskClass(349)).isEqualTo(RiskClass.E);
    assertThat(scorecard.probabilityOfDefault(200)).isEqualByComparingTo("0.5");
    assertThat(scorecard.probabilityOfDefault(265)).isEqualByComparingTo("0.3333");
  }
}
