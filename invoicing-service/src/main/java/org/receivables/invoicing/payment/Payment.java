package org.receivables.invoicing.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Money received from one customer, applied to one or more of its invoices. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

  /** A payment stands until its transfer bounces. */
  public enum Status {
    RECEIVED,
    REVERSED
  }

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(columnDefinition = "bpchar")
  public String currency;

  public BigDecimal amount;

  @Column(name = "received_on")
  public LocalDate receivedOn;

  public String reference;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "reversed_on")
  public LocalDate reversedOn;

  @Column(name = "reversal_reason")
  public String reversalReason;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @OneToMany(mappedBy = "payment", cascade = CascadeType.ALL, orphanRemoval = true)
  public List<PaymentAllocation> allocations = new ArrayList<>();
}
