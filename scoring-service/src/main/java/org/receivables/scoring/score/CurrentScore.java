package org.receivables.scoring.score;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

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
}
