package org.receivables.dunning.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExpectedValueTest {

  @Test
  void theScoreDecidesFirstThenTheRiskClass() {
    assertThat(ExpectedValue.probabilityOfCollecting(new BigDecimal("0.05"), "E"))
        .isEqualByComparingTo("0.95");
    assertThat(ExpectedValue.probabilityOfCollecting(null, "D")).isEqualByComparingTo("0.80");
    assertThat(ExpectedValue.probabilityOfCollecting(null, null)).isEqualByComparingTo("0.90");
    // 1,000 at 0.60 is worth less than 800 at 0.95
    assertThat(ExpectedValue.of(new BigDecimal("1000"), new BigDecimal("0.60")))
        .isLessThan(ExpectedValue.of(new BigDecimal("800"), new BigDecimal("0.95")));
  }
}
