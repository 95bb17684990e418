package org.receivables.kpi.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CollectionEffectivenessIndexTest {

  @Test
  void textbookExampleWithoutWriteOffs() {
    // beginning AR 100k, net sales 50k, ending AR 80k of which 60k current; collected 70k:
    // (100 + 50 - 80) / (100 + 50 - 60) = 70 / 90 = 77.8 %
    assertThat(
            CollectionEffectivenessIndex.of(
                new BigDecimal("100000"),
                new BigDecimal("50000"),
                new BigDecimal("60000"),
                new BigDecimal("70000")))
        .isEqualByComparingTo("77.8");
  }

  @Test
  void writeOffsAreNotCollections() {
    // same, but 10k written off (ending AR 70k): the textbook formula would say 80/90 = 88.9 %;
    // by our convention only the 70k of cash counts
    assertThat(
            CollectionEffectivenessIndex.of(
                new BigDecimal("100000"),
                new BigDecimal("50000"),
                new BigDecimal("60000"),
                new BigDecimal("70000")))
        .isEqualByComparingTo("77.8");
  }

  @Test
  void perfectCollectionIsAHundredAndNothingCollectibleIsUndefined() {
    assertThat(
            CollectionEffectivenessIndex.of(
                new BigDecimal("1000"),
                new BigDecimal("500"),
                new BigDecimal("300"),
                new BigDecimal("1200")))
        .isEqualByComparingTo("100");
    assertThat(
            CollectionEffectivenessIndex.of(
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
        .isNull();
  }
}
