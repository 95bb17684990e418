package org.receivables.scoring.hold;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.receivables.scoring.store.CustomerRow;

/**
 * One change of a customer's credit hold. Rows are only ever added: the latest is the customer's
 * state and all of them are the audit trail. Which changes are allowed is {@link HoldRules}'.
 */
@Entity
@Table(name = "sc_credit_hold")
public class CreditHold extends CustomerRow {

  @Column(name = "on_hold")
  public boolean onHold;

  public String reason;

  @Column(name = "changed_by")
  public String changedBy;

  @Column(name = "changed_at")
  public Instant changedAt;
}
