package org.receivables.invoicing.dispute;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A customer's objection to an invoice; while open, the invoice is {@code disputed}. */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {

  /** Open until resolved. */
  public enum Status {
    OPEN,
    RESOLVED
  }

  /** Whether the customer was right. */
  public enum Outcome {
    ACCEPTED,
    REJECTED
  }

  /** What an accepted dispute leads to. */
  public enum Resolution {
    CREDIT_NOTE,
    CANCELLATION
  }

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "invoice_id", nullable = false)
  public UUID invoiceId;

  public String reason;

  /** The disputed part, or null when the whole invoice is disputed. */
  public BigDecimal amount;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "opened_on")
  public LocalDate openedOn;

  @Enumerated(EnumType.STRING)
  public Outcome outcome;

  @Enumerated(EnumType.STRING)
  public Resolution resolution;

  public String note;

  @Column(name = "resolved_on")
  public LocalDate resolvedOn;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;
}
