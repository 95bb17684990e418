package org.receivables.invoicing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentTermsTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void netTermsAddCalendarDays() {
    assertThat(PaymentTerms.net(30).dueDate(d("2026-01-31"))).isEqualTo(d("2026-03-02"));
    assertThat(PaymentTerms.net(0).dueDate(d("2026-05-10"))).isEqualTo(d("2026-05-10"));
  }

  @Test
  void netTermsCrossLeapDays() {
    assertThat(PaymentTerms.net(30).dueDate(d("2028-02-01"))).isEqualTo(d("2028-03-02"));
    assertThat(PaymentTerms.net(1).dueDate(d("2028-02-28"))).isEqualTo(d("2028-02-29"));
  }

  @Test
  void daysThenEndOfMonth() {
    var terms = new PaymentTerms(45, EndOfMonthRule.DAYS_THEN_END_OF_MONTH, null, null);
    // 15 Jan + 45 days = 1 Mar, then end of March
    assertThat(terms.dueDate(d("2026-01-15"))).isEqualTo(d("2026-03-31"));
    // 10 Jan 2028 + 45 days = 24 Feb, end of a leap February
    assertThat(terms.dueDate(d("2028-01-10"))).isEqualTo(d("2028-02-29"));
  }

  @Test
  void endOfMonthThenDays() {
    var terms = new PaymentTerms(45, EndOfMonthRule.END_OF_MONTH_THEN_DAYS, null, null);
    // end of January (31 Jan) + 45 days = 17 Mar
    assertThat(terms.dueDate(d("2026-01-15"))).isEqualTo(d("2026-03-17"));
    // end of February 2028 (29th) + 45 days = 14 Apr
    assertThat(terms.dueDate(d("2028-02-03"))).isEqualTo(d("2028-04-14"));
  }

  @Test
  void theTwoReadingsDiffer() {
    LocalDate issue = d("2026-01-15");
    assertThat(
            new PaymentTerms(30, EndOfMonthRule.DAYS_THEN_END_OF_MONTH, null, null).dueDate(issue))
        .isNotEqualTo(
            new PaymentTerms(30, EndOfMonthRule.END_OF_MONTH_THEN_DAYS, null, null).dueDate(issue));
  }

  @Test
  void negativeDaysAreRefused() {
    assertThatThrownBy(() -> PaymentTerms.net(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void monthEndsAndShortMonths() {
    // 31 Jan + 30 days end of month: 2 Mar, so end of March
    var daysThenEom = new PaymentTerms(30, EndOfMonthRule.DAYS_THEN_END_OF_MONTH, null, null);
    assertThat(daysThenEom.dueDate(d("2026-01-31"))).isEqualTo(d("2026-03-31"));
    // 30 Jan 2028 + 30 days = 29 Feb 2028, already the end of the month
    assertThat(daysThenEom.dueDate(d("2028-01-30"))).isEqualTo(d("2028-02-29"));
    // end of month then 0 days: the end of the invoice's month
    var eomOnly = new PaymentTerms(0, EndOfMonthRule.END_OF_MONTH_THEN_DAYS, null, null);
    assertThat(eomOnly.dueDate(d("2026-02-01"))).isEqualTo(d("2026-02-28"));
    assertThat(eomOnly.dueDate(d("2028-02-01"))).isEqualTo(d("2028-02-29"));
    // net terms from a leap day
    assertThat(PaymentTerms.net(365).dueDate(d("2028-02-29"))).isEqualTo(d("2029-02-28"));
    // year end
    assertThat(PaymentTerms.net(45).dueDate(d("2026-12-31"))).isEqualTo(d("2027-02-14"));
  }
}
