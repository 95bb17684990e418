package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CustomerContributionTest {

  @Test
  void sharesOfOverdueAndDaysDelinquentAddUpToTheTenants() {
    // worked example: 1600 overdue of 3400 net sales over 90 days = 42.4 days delinquent
    BigDecimal tenantOverdue = new BigDecimal("1600");
    BigDecimal netSales = new BigDecimal("3400");
    assertThat(CustomerContribution.shareOfOverdue(new BigDecimal("1200"), tenantOverdue))
        .isEqualByComparingTo("75.0");
    assertThat(CustomerContribution.shareOfOverdue(new BigDecimal("400"), tenantOverdue))
        .isEqualByComparingTo("25.0");
    assertThat(CustomerContribution.daysDelinquent(new BigDecimal("1200"), netSales, 90))
        .isEqualByComparingTo("31.8");
    assertThat(CustomerContribution.daysDelinquent(new BigDecimal("400"), netSales, 90))
        .isEqualByComparingTo("10.6");
  }

  @Test
  void nothingToDivideByGivesNull() {
    assertThat(CustomerContribution.shareOfOverdue(BigDecimal.TEN, BigDecimal.ZERO)).isNull();
    assertThat(CustomerContribution.daysDelinquent(BigDecimal.TEN, new BigDecimal("-5"), 90))
        .isNull();
  }

  @Test
  void netCreditSalesAreInvoicedLessCreditsCancellationsAndDiscounts() {
    assertThat(
            NetCreditSales.of(
                new BigDecimal("4300"),
                new BigDecimal("100"),
                new BigDecimal("800"),
                new BigDecimal("0")))
        .isEqualByComparingTo("3400");
  }
}
