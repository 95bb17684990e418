package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.receivables.kpi.formula.CashInForecast.Item;

class CashInForecastTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  @Test
  void itemsLandInTheWeekOfTheirShiftedDueDateWeightedByProbability() {
    CashInForecast forecast =
        new CashInForecast(AS_OF, 13)
            // due 5 July, customer pays 10 days late: 15 July, week 3 (14-20 July)
            .add(item("1000", AS_OF.plusDays(5), 10, "0.9"))
            // already 40 days overdue: expected tomorrow, week 1
            .add(item("500", AS_OF.minusDays(40), 0, "0.8"))
            // due in 100 days: beyond the 13 weeks
            .add(item("700", AS_OF.plusDays(100), 0, "1"));
    var weeks = forecast.weeks();
    assertThat(weeks).hasSize(13);
    assertThat(weeks.get(0).start()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(weeks.get(0).end()).isEqualTo(LocalDate.of(2026, 7, 7));
    assertThat(weeks.get(0).expected()).isEqualByComparingTo("400");
    assertThat(weeks.get(2).start()).isEqualTo(LocalDate.of(2026, 7, 15));
    assertThat(weeks.get(2).expected()).isEqualByComparingTo("900");
    assertThat(weeks.get(12).end()).isEqualTo(AS_OF.plusDays(91));
    assertThat(forecast.beyondHorizon()).isEqualByComparingTo("700");
  }

  @Test
  void probabilityComesFromTheScoreElseFromTheAge() {
    assertThat(PaymentProbability.of(new BigDecimal("0.05"), AgingBucket.OVER_90, false))
        .isEqualByComparingTo("0.95");
    assertThat(PaymentProbability.of(null, AgingBucket.OVER_90, false))
        .isEqualByComparingTo("0.40");
    assertThat(PaymentProbability.of(null, AgingBucket.NOT_DUE, true)).isEqualByComparingTo("0.49");
  }

  private static Item item(String balance, LocalDate due, long delay, String probability) {
    return new Item(new BigDecimal(balance), due, delay, new BigDecimal(probability));
  }
}
