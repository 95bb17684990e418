package org.receivables.dunning.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentRulesTest {

  private static final LocalDate AGREED = LocalDate.of(2026, 3, 1);
  private static final List<Instalment> THREE =
      List.of(
          new Instalment(LocalDate.of(2026, 3, 31), new BigDecimal("400.00")),
          new Instalment(LocalDate.of(2026, 4, 30), new BigDecimal("400.00")),
          new Instalment(LocalDate.of(2026, 5, 31), new BigDecimal("200.00")));

  private static Paid paid(int month, int day, String amount) {
    return new Paid(LocalDate.of(2026, month, day), new BigDecimal(amount));
  }

  @Test
  void aPlanIsOnTrackWhilePaymentsCoverEachInstalmentWithinGrace() {
    var o =
        PlanRules.evaluate(
            THREE, AGREED, 5, List.of(paid(4, 3, "400.00")), false, LocalDate.of(2026, 4, 20));
    assertThat(o.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(o.remaining()).isEqualByComparingTo("600.00");
  }

  @Test
  void aMissedInstalmentBreaksThePlanTheDayAfterItsGrace() {
    // 2nd instalment due 04-30, grace 5 days: by 05-05 only 700 of 800 paid → broken on 05-06
    List<Paid> payments = List.of(paid(3, 30, "400.00"), paid(5, 2, "300.00"));
    assertThat(
            PlanRules.evaluate(THREE, AGREED, 5, payments, false, LocalDate.of(2026, 5, 5))
                .status())
        .isEqualTo(PlanStatus.ACTIVE);
    var broken = PlanRules.evaluate(THREE, AGREED, 5, payments, false, LocalDate.of(2026, 5, 6));
    assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
    assertThat(broken.on()).isEqualTo(LocalDate.of(2026, 5, 6));
  }

  @Test
  void payingAheadCountsForLaterInstalmentsAndCompletesThePlan() {
    assertThat(
            PlanRules.evaluate(
                    THREE,
                    AGREED,
                    0,
                    List.of(paid(3, 5, "800.00")),
                    false,
                    LocalDate.of(2026, 5, 15))
                .status())
        .isEqualTo(PlanStatus.ACTIVE);
    var done =
        PlanRules.evaluate(
            THREE,
            AGREED,
            0,
            List.of(paid(3, 5, "800.00"), paid(5, 20, "200.00")),
            false,
            LocalDate.of(2026, 5, 20));
    assertThat(done.status()).isEqualTo(PlanStatus.COMPLETED);
  }

  @Test
  void paymentsBeforeTheAgreementDoNotCount() {
    var o =
        PlanRules.evaluate(
            THREE, AGREED, 0, List.of(paid(2, 20, "400.00")), false, LocalDate.of(2026, 4, 1));
    assertThat(o.status()).isEqualTo(PlanStatus.BROKEN);
  }

  @Test
  void instalmentsMustBeOrderedAndAddUpToWhatIsOwed() {
    assertThat(PlanRules.validate(THREE, AGREED, new BigDecimal("1000.00"))).isEmpty();
    assertThat(PlanRules.validate(THREE, AGREED, new BigDecimal("1000.01")))
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("instalments"));
    assertThat(PlanRules.validate(List.of(THREE.get(1), THREE.get(0)), AGREED, null))
        .extracting(e -> e.field())
        .containsExactly("instalments[1].dueDate");
    assertThat(
            PlanRules.validate(
                List.of(new Instalment(AGREED.minusDays(1), BigDecimal.ONE)), AGREED, null))
        .extracting(e -> e.field())
        .containsExactly("instalments[0].dueDate");
    assertThat(PlanRules.validate(List.of(), AGREED, null)).isNotEmpty();
  }

  @Test
  void aPromiseIsKeptByPaymentsBeforeTheDeadlineAndBrokenAfterIt() {
    LocalDate made = LocalDate.of(2026, 6, 1);
    LocalDate promised = LocalDate.of(2026, 6, 10);
    BigDecimal amount = new BigDecimal("500.00");
    assertThat(
            PromiseRules.evaluate(
                    amount, made, promised, 3, List.of(), false, LocalDate.of(2026, 6, 13))
                .status())
        .isEqualTo(PromiseStatus.ACTIVE);
    var broken =
        PromiseRules.evaluate(
            amount, made, promised, 3, List.of(), false, LocalDate.of(2026, 6, 14));
    assertThat(broken.status()).isEqualTo(PromiseStatus.BROKEN);
    assertThat(broken.on()).isEqualTo(LocalDate.of(2026, 6, 14));
    var kept =
        PromiseRules.evaluate(
            amount,
            made,
            promised,
            3,
            List.of(
                new Paid(LocalDate.of(2026, 6, 5), new BigDecimal("200.00")),
                new Paid(LocalDate.of(2026, 6, 9), new BigDecimal("300.00"))),
            false,
            LocalDate.of(2026, 6, 9));
    assertThat(kept.status()).isEqualTo(PromiseStatus.KEPT);
    assertThat(kept.on()).isEqualTo(LocalDate.of(2026, 6, 9));
    // paid in full, but after the grace period: the promise was broken
    var late =
        PromiseRules.evaluate(
            amount,
            made,
            promised,
            3,
            List.of(new Paid(LocalDate.of(2026, 6, 20), amount)),
            false,
            LocalDate.of(2026, 6, 20));
    assertThat(late.status()).isEqualTo(PromiseStatus.BROKEN);
  }
}
