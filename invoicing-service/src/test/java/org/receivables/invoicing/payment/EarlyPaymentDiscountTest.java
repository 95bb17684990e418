package org.receivables.invoicing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EarlyPaymentDiscountTest {

  private static final LocalDate ISSUED = LocalDate.parse("2026-11-23");
  private static final EarlyPaymentDiscount TWO_PERCENT_TEN_DAYS =
      EarlyPaymentDiscount.of(new BigDecimal("2"), 10, ISSUED);

  private static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  private static BigDecimal granted(
      EarlyPaymentDiscount d, String outstanding, String payment, String day) {
    return d.grantedFor(
        eur(outstanding), eur("1200.00"), eur(payment), LocalDate.parse(day), "EUR");
  }

  @Test
  void theDeadlineIsInclusive() {
    assertThat(TWO_PERCENT_TEN_DAYS.deadline()).isEqualTo(LocalDate.parse("2026-12-03"));
    assertThat(TWO_PERCENT_TEN_DAYS.appliesOn(LocalDate.parse("2026-12-03"))).isTrue();
    assertThat(TWO_PERCENT_TEN_DAYS.appliesOn(LocalDate.parse("2026-12-04"))).isFalse();
  }

  @Test
  void payingTheDiscountedAmountInTimeSettles() {
    assertThat(TWO_PERCENT_TEN_DAYS.amount(eur("1200.00"), "EUR")).isEqualTo(eur("24.00"));
    assertThat(granted(TWO_PERCENT_TEN_DAYS, "1200.00", "1176.00", "2026-12-03"))
        .isEqualTo(eur("24.00"));
  }

  @Test
  void payingTheDiscountedAmountLateEarnsNothing() {
    assertThat(granted(TWO_PERCENT_TEN_DAYS, "1200.00", "1176.00", "2026-12-04"))
        .isEqualTo(eur("0.00"));
  }

  @Test
  void payingLessThanTheDiscountedAmountEarnsNothing() {
    assertThat(granted(TWO_PERCENT_TEN_DAYS, "1200.00", "1175.99", "2026-11-25"))
        .isEqualTo(eur("0.00"));
  }

  @Test
  void payingBetweenTheDiscountedAndTheFullAmountGrantsTheRest() {
    assertThat(granted(TWO_PERCENT_TEN_DAYS, "1200.00", "1190.00", "2026-11-25"))
        .isEqualTo(eur("10.00"));
    assertThat(granted(TWO_PERCENT_TEN_DAYS, "1200.00", "1200.00", "2026-11-25"))
        .isEqualTo(eur("0.00"));
  }

  @Test
  void theLastOfSeveralPaymentsCanEarnIt() {
    // 1000 paid earlier; 176 within the window settles the remaining 200
    assertThat(granted(TWO_PERCENT_TEN_DAYS, "200.00", "176.00", "2026-12-01"))
        .isEqualTo(eur("24.00"));
  }

  @Test
  void roundsToTheCurrencyIncludingCurrenciesWithoutDecimals() {
    var d = EarlyPaymentDiscount.of(new BigDecimal("1.5"), 8, ISSUED);
    assertThat(d.amount(eur("1333.33"), "EUR")).isEqualTo(eur("20.00"));
    assertThat(d.amount(eur("1104"), "JPY")).isEqualTo(eur("17"));
    assertThat(
            d.grantedFor(
                eur("1104"), eur("1104"), eur("1087"), LocalDate.parse("2026-12-01"), "JPY"))
        .isEqualTo(eur("17"));
  }

  @Test
  void noDiscountWithoutTerms() {
    assertThat(EarlyPaymentDiscount.of(null, null, ISSUED).offered()).isFalse();
    assertThat(EarlyPaymentDiscount.of(BigDecimal.ZERO, 10, ISSUED).offered()).isFalse();
    assertThat(
            EarlyPaymentDiscount.none()
                .grantedFor(eur("100"), eur("100"), eur("98"), ISSUED, "EUR"))
        .isEqualTo(eur("0.00"));
  }
}
