package org.receivables.invoicing.creditnote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A credit note against one invoice: reduces what the customer owes on it. */
@Entity
@Table(name = "credit_note")
public class CreditNote extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "invoice_id", nullable = false)
  public UUID invoiceId;

  public String number;
  public BigDecimal amount;

  @Column(name = "issued_on")
  public LocalDate issuedOn;

  public String reason;

  /** The dispute whose acceptance led to it, if any. */
  @Column(name = "dispute_id")
  public UUID disputeId;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;
}
