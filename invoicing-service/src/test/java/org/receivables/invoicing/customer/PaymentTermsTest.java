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
}
