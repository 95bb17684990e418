package org.receivables.invoicing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LegalTermsCapTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void sixtyDaysFromTheInvoiceDateComply() {
    assertThat(LegalTermsCap.check(d("2026-06-10"), d("2026-08-09"))).isEmpty();
  }

  @Test
  void fortyFiveDaysEndOfMonthComplyEvenPastSixtyDays() {
    // 15 Jan: end of month (31 Jan) + 45 days = 17 Mar, beyond 60 days (16 Mar) but lawful
    assertThat(LegalTermsCap.latestCompliantDueDate(d("2026-01-15"))).isEqualTo(d("2026-03-31"));
    assertThat(LegalTermsCap.check(d("2026-01-15"), d("2026-03-17"))).isEmpty();
  }

  @Test
  void beyondEveryLimitIsFlaggedWithTheLatestCompliantDate() {
    assertThat(LegalTermsCap.check(d("2026-01-15"), d("2026-04-01")))
        .hasValueSatisfying(w -> assertThat(w).contains("L441-10").contains("2026-03-31"));
  }

  @Test
  void theLimitFollowsShortMonths() {
    // 20 Dec 2027 + 45 days = 3 Feb 2028, end of month = 29 Feb 2028 (leap year)
    assertThat(LegalTermsCap.latestCompliantDueDate(d("2027-12-20"))).isEqualTo(d("2028-02-29"));
  }
}
