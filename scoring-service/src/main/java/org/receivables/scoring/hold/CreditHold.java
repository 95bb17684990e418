package org.receivables.scoring.hold;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of a customer's credit hold. Rows are only ever added: the latest is the customer's
 * state and all of them are the audit trail. Which changes are allowed is {@link HoldRules}'.
 */
@Entity
@Table(name = "sc_credit_hold")
public class CreditHold extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  @Column(name = "on_hold")
  public boolean onHold;

  public String reason;

  @Column(name = "changed_by")
  public String changedBy;

  @Column(name = "changed_at")
  public Instant changedAt;
}
