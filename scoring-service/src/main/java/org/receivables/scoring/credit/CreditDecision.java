package org.receivables.scoring.credit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.receivables.scoring.score.RiskClass;

/**
 * A logged credit decision. Rows are written once and never changed; {@code seq}, given by the
 * database, orders a customer's decisions for keyset pagination.
 */
@Entity
@Table(name = "sc_credit_decision")
public class CreditDecision extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  public String reference;
  public BigDecimal amount;
  public String currency;

  @Enumerated(EnumType.STRING)
  public Decision decision;

  public BigDecimal exposure;

  @Column(name = "credit_limit")
  public BigDecimal creditLimit;

  @Column(name = "available_credit")
  public BigDecimal availableCredit;

  public int score;

  @Enumerated(EnumType.STRING)
  @Column(name = "risk_class")
  public RiskClass riskClass;

  /** JSON array of the rules' verdicts, written and read by {@link CreditDecisionRepository}. */
  public String reasons;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(insertable = false, updatable = false)
  public Long seq;
}
