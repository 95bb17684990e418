package org.receivables.scoring.score;

import java.math.BigDecimal;

/**
 * When a recomputation is news: a first score, or a new score, class, limit or currency. Only news
 * earns a history row and a {@code ScoreChanged} event; a recomputation that lands on the same
 * figures (the nightly pass, mostly) is stored silently.
 */
public final class ScoreRevision {

  private ScoreRevision() {}

  /** The figures that make a score change worth announcing. */
  public record Figures(int score, RiskClass riskClass, BigDecimal creditLimit, String currency) {}

  /**
   * @param previous the stored figures, null when the customer has never been scored
   */
  public static boolean isNews(Figures previous, Figures next) {
    return previous == null
        || previous.score() != next.score()
        || previous.riskClass() != next.riskClass()
        || previous.creditLimit().compareTo(next.creditLimit()) != 0
        || !previous.currency().equals(next.currency());
  }
}
