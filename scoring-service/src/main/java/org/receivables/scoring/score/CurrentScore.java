package org.receivables.scoring.score;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's score as last recomputed: one row per customer, replaced by every recomputation
 * (under the customer's lock, so two recomputations never race for it). Which recomputations are
 * worth a history row and an event is {@link ScoreRevision}'s rule.
 */
@Entity
@Table(name = "sc_score")
public class CurrentScore extends ScoreRow {

  @Column(name = "recommended_limit")
  public BigDecimal recommendedLimit;

  /** The day the nightly pass rescores it from ({@link ScoreAging}); null: it cannot age. */
  @Column(name = "rescore_on")
  public LocalDate rescoreOn;

  /** The digest of the settings it was computed with ({@link ScoringModel}). */
  public String model;
}
