package org.receivables.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScoringModelTest {

  private static TreeMap<String, String> settings(String weight) {
    TreeMap<String, String> s = new TreeMap<>();
    s.put("scoring.weights.behaviour", weight);
    s.put("scoring.weights.financials", "0.30");
    return s;
  }

  @Test
  void equalSettingsGiveEqualDigestsAndAChangedWeightAnother() {
    assertThat(ScoringModel.digestOf(settings("0.55")))
        .isEqualTo(ScoringModel.digestOf(settings("0.55")))
        .isNotEqualTo(ScoringModel.digestOf(settings("0.60")));
  }
}
