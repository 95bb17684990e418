package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.kpi.formula.CountBackDso.MonthSales;

/** Standard, count-back and best possible DSO and average days delinquent on worked examples. */
class DsoTest {

  private static BigDecimal k(int thousands) {
    return BigDecimal.valueOf(thousands * 1000L);
  }

  @Test
  void countBackUsesUpTheMostRecentMonthsFirst() {
    // AR 212k; sales 100k last month, 80k the month before, 70k before that (30-day months):
    // 30 + 30 + 32/70 x 30 = 73.7 days
    List<MonthSales> months =
        List.of(new MonthSales(k(100), 30), new MonthSales(k(80), 30), new MonthSales(k(70), 30));
    assertThat(CountBackDso.of(k(212), months)).isEqualByComparingTo("73.7");
  }

  @Test
  void countBackWithinTheFirstMonthAndBeyondTheHistory() {
    assertThat(CountBackDso.of(k(50), List.of(new MonthSales(k(100), 31))))
        .isEqualByComparingTo("15.5");
    // more receivables than all the sales known: every month counts, a lower bound
    assertThat(CountBackDso.of(k(500), List.of(new MonthSales(k(100), 30))))
        .isEqualByComparingTo("30");
    // a month without sales counts in full
    assertThat(
            CountBackDso.of(
                k(50), List.of(new MonthSales(BigDecimal.ZERO, 30), new MonthSales(k(100), 30))))
        .isEqualByComparingTo("45");
    assertThat(CountBackDso.of(k(50), List.of())).isNull();
    assertThat(CountBackDso.of(BigDecimal.ZERO, List.of(new MonthSales(k(100), 30))))
        .isEqualByComparingTo("0");
  }

  @Test
  void standardDsoOnTheSameFigures() {
    // 212k over 250k of sales in 90 days: 76.3 days
    assertThat(StandardDso.of(k(212), k(250), 90)).isEqualByComparingTo("76.3");
    assertThat(StandardDso.of(k(212), BigDecimal.ZERO, 90)).isNull();
  }

  @Test
  void bestPossibleDsoAndAverageDaysDelinquent() {
    // of the 212k, 120k is not yet due: best possible 120/250 x 90 = 43.2, delinquent 33.1 days
    BigDecimal dso = StandardDso.of(k(212), k(250), 90);
    BigDecimal best = BestPossibleDso.of(k(120), k(250), 90);
    assertThat(best).isEqualByComparingTo("43.2");
    assertThat(AverageDaysDelinquent.of(dso, best)).isEqualByComparingTo("33.1");
    assertThat(AverageDaysDelinquent.of(null, best)).isNull();
  }
}
