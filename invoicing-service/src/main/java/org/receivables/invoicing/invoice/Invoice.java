package org.receivables.invoicing.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.receivables.events.InvoiceIssued;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.payment.EarlyPaymentDiscount;

/** An issued invoice and what has been paid on it. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  public String number;

  /** ISO 11649 creditor reference debtors quote on their transfers (cash.CreditorReference). */
  @Column(name = "payment_reference", nullable = false, updatable = false)
  public String paymentReference;

  @Enumerated(EnumType.STRING)
  public InvoiceStatus status;

  @Column(name = "issue_date")
  public LocalDate issueDate;

  @Column(name = "due_date")
  public LocalDate dueDate;

  @Column(columnDefinition = "bpchar")
  public String currency;

  @Column(name = "total_excl_tax")
  public BigDecimal totalExclTax;

  @Column(name = "total_tax")
  public BigDecimal totalTax;

  @Column(name = "total_incl_tax")
  public BigDecimal totalInclTax;

  @Column(name = "amount_paid")
  public BigDecimal amountPaid;

  @Column(name = "discount_granted")
  public BigDecimal discountGranted = BigDecimal.ZERO;

  @Column(name = "amount_credited")
  public BigDecimal amountCredited = BigDecimal.ZERO;

  @Column(name = "amount_written_off")
  public BigDecimal amountWrittenOff = BigDecimal.ZERO;

  @Column(name = "discount_percent")
  public BigDecimal discountPercent;

  @Column(name = "discount_deadline")
  public LocalDate discountDeadline;

  /** The day it was cancelled or written off. */
  @Column(name = "closed_on")
  public LocalDate closedOn;

  @Column(name = "close_reason")
  public String closeReason;

  public boolean disputed;

  @Column(name = "terms_warning")
  public String termsWarning;

  /** The buyer's VAT identifier printed on the invoice (BT-48), when given. */
  @Column(name = "buyer_vat_id")
  public String buyerVatId;

  @Version public long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  public List<InvoiceLine> lines = new ArrayList<>();

  /** What is still owed: the total less payments, discounts granted and credit notes. */
  public BigDecimal outstanding() {
    return status.isOpen()
        ? totalInclTax.subtract(amountPaid).subtract(discountGranted).subtract(amountCredited)
        : BigDecimal.ZERO;
  }

  /** The total after credit notes: what an early-payment discount is computed on. */
  public BigDecimal discountBase() {
    return totalInclTax.subtract(amountCredited);
  }

  public EarlyPaymentDiscount earlyPaymentDiscount() {
    return discountPercent == null
        ? EarlyPaymentDiscount.none()
        : new EarlyPaymentDiscount(discountPercent, discountDeadline);
  }

  /** Refuses {@code operation} with a 409 when the status does not allow it. */
  public void require(InvoiceLifecycle.Operation operation) {
    InvoiceLifecycle.refusal(status, operation, amountPaid)
        .ifPresent(
            reason -> {
              throw Problems.state("Invoice " + number + ": " + reason);
            });
  }

  /** Recomputes the status after money moved on the invoice. */
  public void settle() {
    status =
        InvoiceLifecycle.afterSettlement(
            totalInclTax, amountPaid, discountGranted.add(amountCredited));
  }

  /** Overdue as of a date: money still owed after the due date. */
  public boolean overdueOn(LocalDate asOf) {
    return status.isOpen() && asOf.isAfter(dueDate) && outstanding().signum() > 0;
  }

  /** The event this invoice publishes once issued. */
  public InvoiceIssued issuedEvent() {
    return new InvoiceIssued(
        tenantId,
        customerId.toString(),
        id.toString(),
        number,
        issueDate,
        dueDate,
        currency,
        totalExclTax,
        totalTax,
        totalInclTax,
        outstanding(),
        termsWarning,
        paymentReference);
  }
}
