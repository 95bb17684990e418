package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.receivables.kpi.formula.TargetVariance.Comparison;
import org.receivables.kpi.formula.TargetVariance.Trend;

class TargetVarianceTest {

  @Test
  void dsoAtMost45() {
    assertThat(TargetVariance.gap(new BigDecimal("52.5"), new BigDecimal("45")))
        .isEqualByComparingTo("7.5");
    assertThat(TargetVariance.met(Comparison.AT_MOST, new BigDecimal("52.5"), new BigDecimal("45")))
        .isFalse();
    assertThat(TargetVariance.met(Comparison.AT_MOST, new BigDecimal("45"), new BigDecimal("45")))
        .isTrue();
    assertThat(TargetVariance.trend(Comparison.AT_MOST, series("60", null, "52.5")))
        .isEqualTo(Trend.IMPROVING);
  }

  @Test
  void ceiAtLeast80() {
    assertThat(
            TargetVariance.met(Comparison.AT_LEAST, new BigDecimal("77.8"), new BigDecimal("80")))
        .isFalse();
    assertThat(TargetVariance.trend(Comparison.AT_LEAST, series("85", "77.8")))
        .isEqualTo(Trend.WORSENING);
    assertThat(TargetVariance.trend(Comparison.AT_LEAST, series("80", "80")))
        .isEqualTo(Trend.STABLE);
    assertThat(TargetVariance.trend(Comparison.AT_LEAST, series("80"))).isEqualTo(Trend.UNKNOWN);
    assertThat(TargetVariance.met(Comparison.AT_LEAST, null, new BigDecimal("80"))).isNull();
  }

  private static java.util.List<BigDecimal> series(String... values) {
    return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
  }
}
