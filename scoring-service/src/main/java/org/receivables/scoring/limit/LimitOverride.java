package org.receivables.scoring.limit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit manager's override of the recommended limit, or the clearing of one (a null limit). Rows
 * are only ever added: the latest is in force and all of them are the audit trail.
 */
@Entity
@Table(name = "sc_limit_override")
public class LimitOverride extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  @Column(name = "credit_limit")
  public BigDecimal creditLimit;

  public String currency;
  public String reason;

  @Column(name = "set_by")
  public String setBy;

  @Column(name = "set_at")
  public Instant setAt;
}
