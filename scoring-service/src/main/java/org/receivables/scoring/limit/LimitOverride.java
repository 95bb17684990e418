package org.receivables.scoring.limit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.receivables.scoring.store.CustomerRow;

/**
 * A credit manager's override of the recommended limit, or the clearing of one (a null limit). Rows
 * are only ever added: the latest is in force and all of them are the audit trail.
 */
@Entity
@Table(name = "sc_limit_override")
public class LimitOverride extends CustomerRow {

  @Column(name = "credit_limit")
  public BigDecimal creditLimit;

  public String currency;
  public String reason;

  @Column(name = "set_by")
  public String setBy;

  @Column(name = "set_at")
  public Instant setAt;
}
