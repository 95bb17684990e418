package org.receivables.scoring.score;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's score as last recomputed: one row per customer, replaced by every recomputation
 * (under the customer's lock, so two recomputations never race for it). Which recomputations are
 * worth a history row and an event is {@link ScoreRevision}'s rule.
 */
@Entity
@Table(name = "sc_score")
public class CurrentScore extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  public int score;

  @Enumerated(EnumType.STRING)
  @Column(name = "risk_class")
  public RiskClass riskClass;

  public BigDecimal pd;

  @Column(name = "recommended_limit")
  public BigDecimal recommendedLimit;

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
