package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A KPI that is null says why, and says nothing when it is computed: each formula's reason is given
 * exactly when its value is null.
 */
class NotComputedTest {

  private static final BigDecimal ZERO = BigDecimal.ZERO;
  private static final BigDecimal SALES = new BigDecimal("3400");
  private static final BigDecimal NEGATIVE = new BigDecimal("-100");

  @Test
  void dsoBestPossibleAndBadDebtNeedNetSales() {
    assertThat(StandardDso.of(new BigDecimal("4300"), ZERO, 90)).isNull();
    assertThat(StandardDso.notComputedBecause(ZERO)).isEqualTo("no net credit sales in the period");
    assertThat(StandardDso.of(new BigDecimal("4300"), NEGATIVE, 90)).isNull();
    assertThat(StandardDso.notComputedBecause(NEGATIVE))
        .startsWith("net credit sales of the period are negative");
    assertThat(StandardDso.of(new BigDecimal("4300"), SALES, 90)).isEqualByComparingTo("113.8");
    assertThat(StandardDso.notComputedBecause(SALES)).isNull();

    assertThat(BestPossibleDso.of(new BigDecimal("2700"), ZERO, 90)).isNull();
    assertThat(BestPossibleDso.notComputedBecause(ZERO)).contains("no net credit sales");
    assertThat(BestPossibleDso.notComputedBecause(SALES)).isNull();

    assertThat(BadDebtRatio.of(new BigDecimal("300"), ZERO)).isNull();
    assertThat(BadDebtRatio.notComputedBecause(ZERO)).contains("no net credit sales");
    assertThat(BadDebtRatio.notComputedBecause(SALES)).isNull();
  }

  @Test
  void averageDaysDelinquentRepeatsWhyDsoIsMissing() {
    assertThat(AverageDaysDelinquent.of(null, null)).isNull();
    assertThat(AverageDaysDelinquent.notComputedBecause(StandardDso.notComputedBecause(ZERO)))
        .isEqualTo("DSO is not computed: no net credit sales in the period");
    assertThat(AverageDaysDelinquent.notComputedBecause(StandardDso.notComputedBecause(SALES)))
        .isNull();
  }

  @Test
  void ceiNeedsSomethingCollectible() {
    // 100 at start + 0 sales − 100 still current: nothing was collectible
    BigDecimal hundred = new BigDecimal("100");
    assertThat(CollectionEffectivenessIndex.of(hundred, ZERO, hundred, ZERO)).isNull();
    assertThat(CollectionEffectivenessIndex.notComputedBecause(hundred, ZERO, hundred))
        .startsWith("nothing was collectible in the period");
    assertThat(CollectionEffectivenessIndex.notComputedBecause(ZERO, ZERO, hundred))
        .contains("is negative");
    assertThat(
            CollectionEffectivenessIndex.of(
                new BigDecimal("2200"), SALES, new BigDecimal("2700"), new BigDecimal("1000")))
        .isEqualByComparingTo("34.5");
    assertThat(
            CollectionEffectivenessIndex.notComputedBecause(
                new BigDecimal("2200"), SALES, new BigDecimal("2700")))
        .isNull();
  }

  @Test
  void ratesAndDelaysSayWhatWasMissing() {
    assertThat(RecoveryRate.of(ZERO, ZERO)).isNull();
    assertThat(RecoveryRate.notComputedBecause(ZERO))
        .isEqualTo("no amount fell overdue in the period");
    assertThat(RecoveryRate.notComputedBecause(new BigDecimal("1500"))).isNull();

    assertThat(AverageCollectionDelay.of(ZERO, ZERO)).isNull();
    assertThat(AverageCollectionDelay.notComputedBecause(ZERO))
        .isEqualTo("no payments in the period");
    assertThat(AverageCollectionDelay.of(ZERO, NEGATIVE)).isNull();
    assertThat(AverageCollectionDelay.notComputedBecause(NEGATIVE))
        .isEqualTo("reversals exceed the payments of the period");
    assertThat(AverageCollectionDelay.notComputedBecause(new BigDecimal("1000"))).isNull();

    assertThat(DisputeRate.of(new BigDecimal("200"), ZERO)).isNull();
    assertThat(DisputeRate.notComputedBecause(ZERO))
        .isEqualTo("nothing was invoiced in the period");
    assertThat(DisputeRate.notComputedBecause(new BigDecimal("4300"))).isNull();

    assertThat(PromiseKeptRate.of(0, 0)).isNull();
    assertThat(PromiseKeptRate.notComputedBecause(0, 0, "promise to pay"))
        .isEqualTo("no promise to pay was kept or broken in the period");
    assertThat(PromiseKeptRate.notComputedBecause(0, 1, "payment plan")).isNull();
    assertThat(PromiseKeptRate.of(0, 1)).isEqualByComparingTo("0.0");
  }
}
