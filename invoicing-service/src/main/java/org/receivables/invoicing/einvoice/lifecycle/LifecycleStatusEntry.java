package org.receivables.invoicing.einvoice.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One lifecycle status of an invoice, as reported or emitted, and what it did to the invoice. */
@Entity
@Table(name = "invoice_lifecycle_status")
public class LifecycleStatusEntry extends PanacheEntityBase {

  /** Who gave the status: a platform (through the API) or the ledger itself. */
  public enum Source {
    PLATFORM,
    LEDGER
  }

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "invoice_id", nullable = false, updatable = false)
  public UUID invoiceId;

  @Enumerated(EnumType.STRING)
  public LifecycleStatus status;

  public String code;

  @Column(name = "occurred_on")
  public LocalDate occurredOn;

  public String reason;

  @Enumerated(EnumType.STRING)
  public Source source;

  @Enumerated(EnumType.STRING)
  public LifecycleRules.Effect effect;

  @Column(name = "dispute_id")
  public UUID disputeId;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;
}
