package org.receivables.scoring.score;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.receivables.scoring.store.CustomerRow;

/** The figures a current score and a history entry both keep. */
@MappedSuperclass
public abstract class ScoreRow extends CustomerRow {

  public int score;

  @Enumerated(EnumType.STRING)
  @Column(name = "risk_class")
  public RiskClass riskClass;

  public BigDecimal pd;

  @Column(name = "credit_limit")
  public BigDecimal creditLimit;

  public String currency;

  /** JSON array of {@link Reason}s, written and read by {@link ScoreRepository}. */
  public String reasons;

  @Column(name = "as_of")
  public LocalDate asOf;

  @Column(name = "computed_at")
  public Instant computedAt;
}
