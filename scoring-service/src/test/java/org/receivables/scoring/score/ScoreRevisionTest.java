package org.receivables.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.receivables.scoring.score.ScoreRevision.Figures;

/** Which recomputations earn a history row and a ScoreChanged event. */
class ScoreRevisionTest {

  private static final Figures BASE =
      new Figures(640, RiskClass.C, new BigDecimal("5000.00"), "EUR");

  @Test
  void aFirstScoreIsNews() {
    assertThat(ScoreRevision.isNews(null, BASE)).isTrue();
  }

  @Test
  void theSameFiguresAreNotNewsWhateverTheScaleOfTheLimit() {
    assertThat(
            ScoreRevision.isNews(
                BASE, new Figures(640, RiskClass.C, new BigDecimal("5000.0000"), "EUR")))
        .isFalse();
  }

  @Test
  void aNewScoreClassLimitOrCurrencyIsNews() {
    assertThat(ScoreRevision.isNews(BASE, new Figures(641, RiskClass.C, BASE.creditLimit(), "EUR")))
        .isTrue();
    assertThat(ScoreRevision.isNews(BASE, new Figures(640, RiskClass.B, BASE.creditLimit(), "EUR")))
        .isTrue();
    assertThat(
            ScoreRevision.isNews(
                BASE, new Figures(640, RiskClass.C, new BigDecimal("5100"), "EUR")))
        .isTrue();
    assertThat(ScoreRevision.isNews(BASE, new Figures(640, RiskClass.C, BASE.creditLimit(), "CHF")))
        .isTrue();
  }
}
