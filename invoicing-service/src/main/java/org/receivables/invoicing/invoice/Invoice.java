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

  public boolean disputed;

  @Column(name = "terms_warning")
  public String termsWarning;

  @Version public long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  public List<InvoiceLine> lines = new ArrayList<>();

  public BigDecimal outstanding() {
    return status.isOpen() ? totalInclTax.subtract(amountPaid) : BigDecimal.ZERO;
  }

  /** Overdue as of a date: money still owed after the due date. */
  public boolean overdueOn(LocalDate asOf) {
    return status.isOpen() && asOf.isAfter(dueDate) && outstanding().signum() > 0;
  }
}
