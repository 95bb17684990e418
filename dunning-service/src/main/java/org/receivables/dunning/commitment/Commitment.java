package org.receivables.dunning.commitment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a promise and a plan both record: whose invoices they pause, their tolerance, and when and
 * by whom they were made and closed. Each kind keeps its own table and invoice list.
 */
@MappedSuperclass
public abstract class Commitment extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  public String currency;

  @Column(name = "grace_days")
  public int graceDays;

  @Column(name = "closed_on")
  public LocalDate closedOn;

  public String note;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;
}
