package org.receivables.scoring.score;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One kept change of a customer's score, class or limit: rows are only ever added. */
@Entity
@Table(name = "sc_score_history")
public class ScoreChange extends ScoreRow {

  /** What caused the recomputation: an event type, a manual change or the nightly run. */
  public String trigger;
}
