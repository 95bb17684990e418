package org.receivables.dunning.commitment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.receivables.dunning.replica.InvoiceFacts;

/**
 * What a promise and a plan both record and do: whose invoices they pause (each kind names its own
 * join table with {@code @AssociationOverride}), their tolerance, when and by whom they were made,
 * and how an evaluation closes them. Each kind keeps its own table and status values.
 *
 * @param <S> the kind's status; {@link #activeStatus()} is the one that pauses dunning
 */
@MappedSuperclass
public abstract class Commitment<S extends Enum<S>> extends PanacheEntityBase {

  /** Where an evaluation leaves a commitment, and from which day. */
  public interface Evaluation<S> {
    S status();

    LocalDate on();
  }

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  /** In the order the collector listed them. */
  @ElementCollection(fetch = FetchType.EAGER)
  @OrderColumn(name = "position")
  @Column(name = "invoice_id", nullable = false)
  public List<String> invoiceIds = new ArrayList<>();

  public String currency;

  @Column(name = "grace_days")
  public int graceDays;

  @Enumerated(EnumType.STRING)
  public S status;

  @Column(name = "closed_on")
  public LocalDate closedOn;

  public String note;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  /** The status of a commitment still in force. */
  protected abstract S activeStatus();

  /**
   * Fills in what every commitment records when it is made: in force from now, over the listed
   * invoices (at least one, all in one currency), by whom and when.
   */
  void open(
      String tenantId,
      String customerId,
      List<InvoiceFacts> invoices,
      int graceDays,
      String note,
      String actor,
      Instant at) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.customerId = customerId;
    this.invoiceIds = new ArrayList<>(invoices.stream().map(InvoiceFacts::invoiceId).toList());
    this.currency = invoices.get(0).currency();
    this.graceDays = graceDays;
    this.status = activeStatus();
    this.note = note;
    this.createdBy = actor;
    this.createdAt = at;
  }

  /** Applies an evaluation: only a change from the active status is recorded, once. */
  public boolean close(Evaluation<S> outcome) {
    if (outcome.status() == activeStatus() || status != activeStatus()) {
      return false;
    }
    status = outcome.status();
    closedOn = outcome.on();
    return true;
  }
}
