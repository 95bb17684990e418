package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AgingReportTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  @Test
  void bucketBoundaries() {
    assertThat(AgingBucket.of(-5)).isEqualTo(AgingBucket.NOT_DUE);
    assertThat(AgingBucket.of(0)).isEqualTo(AgingBucket.NOT_DUE);
    assertThat(AgingBucket.of(1)).isEqualTo(AgingBucket.DAYS_1_TO_30);
    assertThat(AgingBucket.of(30)).isEqualTo(AgingBucket.DAYS_1_TO_30);
    assertThat(AgingBucket.of(31)).isEqualTo(AgingBucket.DAYS_31_TO_60);
    assertThat(AgingBucket.of(60)).isEqualTo(AgingBucket.DAYS_31_TO_60);
    assertThat(AgingBucket.of(61)).isEqualTo(AgingBucket.DAYS_61_TO_90);
    assertThat(AgingBucket.of(90)).isEqualTo(AgingBucket.DAYS_61_TO_90);
    assertThat(AgingBucket.of(91)).isEqualTo(AgingBucket.OVER_90);
  }

  @Test
  void workedExample() {
    AgingReport report =
        new AgingReport(AS_OF, BigDecimal.ZERO)
            .add(LocalDate.of(2026, 7, 15), new BigDecimal("100.00")) // not due
            .add(LocalDate.of(2026, 6, 30), new BigDecimal("50.00")) // due today: not due
            .add(LocalDate.of(2026, 6, 1), new BigDecimal("200.00")) // 29 days
            .add(LocalDate.of(2026, 5, 1), new BigDecimal("300.00")) // 60 days
            .add(LocalDate.of(2026, 1, 1), new BigDecimal("400.00")); // 180 days
    assertThat(report.bucket(AgingBucket.NOT_DUE)).isEqualByComparingTo("150.00");
    assertThat(report.bucket(AgingBucket.DAYS_1_TO_30)).isEqualByComparingTo("200.00");
    assertThat(report.bucket(AgingBucket.DAYS_31_TO_60)).isEqualByComparingTo("300.00");
    assertThat(report.bucket(AgingBucket.DAYS_61_TO_90)).isEqualByComparingTo("0");
    assertThat(report.bucket(AgingBucket.OVER_90)).isEqualByComparingTo("400.00");
    assertThat(report.outstanding()).isEqualByComparingTo("1050.00");
    assertThat(report.overdue()).isEqualByComparingTo("900.00");
  }

  @Test
  void bucketsAlwaysAddUpToOutstandingOnGeneratedData() {
    Random random = new Random(42);
    for (int run = 0; run < 200; run++) {
      AgingReport report = new AgingReport(AS_OF, BigDecimal.ZERO);
      BigDecimal expected = BigDecimal.ZERO;
      for (int i = random.nextInt(50); i > 0; i--) {
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(1_000_000) - 100_000, 2);
        report.add(AS_OF.plusDays(random.nextInt(400) - 300), amount);
        expected = expected.add(amount);
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (AgingBucket b : AgingBucket.values()) {
        sum = sum.add(report.bucket(b));
      }
      assertThat(sum).isEqualByComparingTo(expected);
      assertThat(report.outstanding()).isEqualByComparingTo(expected);
    }
  }
}
