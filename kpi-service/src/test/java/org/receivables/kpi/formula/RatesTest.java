package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Recovery, bad-debt, dispute and promise-kept rates and the collection delays on examples. */
class RatesTest {

  @Test
  void recoveryRateIsWhatWasRecoveredOfWhatFellOverdue() {
    // 40k fell overdue in the quarter, 30k of it was paid late within the quarter
    assertThat(RecoveryRate.of(new BigDecimal("30000"), new BigDecimal("40000")))
        .isEqualByComparingTo("75.0");
    assertThat(RecoveryRate.of(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
  }

  @Test
  void averageCollectionDelayIsAmountWeighted() {
    // 1000 paid 10 days late and 3000 paid 2 days early: (10000 - 6000) / 4000 = 1.0 day
    assertThat(
            new AverageCollectionDelay()
                .add(new BigDecimal("1000"), 10)
                .add(new BigDecimal("3000"), -2)
                .days())
        .isEqualByComparingTo("1.0");
    // from issue: 1000 after 40 days, 3000 after 28 days: (40000 + 84000) / 4000 = 31.0
    assertThat(
            new AverageCollectionDelay()
                .add(new BigDecimal("1000"), 40)
                .add(new BigDecimal("3000"), 28)
                .days())
        .isEqualByComparingTo("31.0");
    assertThat(new AverageCollectionDelay().days()).isNull();
    assertThat(AverageCollectionDelay.of(new BigDecimal("4000"), new BigDecimal("4000")))
        .isEqualByComparingTo("1.0");
  }

  @Test
  void badDebtAndDisputeRates() {
    assertThat(BadDebtRatio.of(new BigDecimal("1500"), new BigDecimal("200000")))
        .isEqualByComparingTo("0.75");
    assertThat(DisputeRate.of(new BigDecimal("5000"), new BigDecimal("200000")))
        .isEqualByComparingTo("2.50");
    assertThat(DisputeRate.of(new BigDecimal("5000"), BigDecimal.ZERO)).isNull();
  }

  @Test
  void promiseKeptRateCountsOnlyResolvedPromises() {
    assertThat(PromiseKeptRate.of(3, 1)).isEqualByComparingTo("75.0");
    assertThat(PromiseKeptRate.of(0, 0)).isNull();
  }

  @Test
  void strategySuccessRateCapsEachPaymentAtItsReminder() {
    // reminder of 1000 fully paid (1200 paid counts as 1000), reminder of 3000 with 600 paid
    StrategySuccessRate rate =
        new StrategySuccessRate()
            .add(new BigDecimal("1000"), new BigDecimal("1200"))
            .add(new BigDecimal("3000"), new BigDecimal("600"));
    assertThat(rate.reminders()).isEqualTo(2);
    assertThat(rate.paid()).isEqualByComparingTo("1600");
    assertThat(rate.rate()).isEqualByComparingTo("40.0");
  }
}
