package org.receivables.invoicing.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A debtor of one tenant. Every query goes through {@link CustomerService}, which filters by
 * tenant.
 */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "external_ref", nullable = false)
  public String externalRef;

  public String name;

  @Column(name = "legal_id")
  public String legalId;

  @Column(columnDefinition = "bpchar")
  public String country;

  @Column(columnDefinition = "bpchar")
  public String currency;

  public String language;
  public String email;
  public String phone;
  public String segment;

  @Column(name = "terms_days")
  public int termsDays;

  @Enumerated(EnumType.STRING)
  @Column(name = "terms_end_of_month")
  public EndOfMonthRule termsEndOfMonth;

  @Column(name = "discount_percent")
  public BigDecimal discountPercent;

  @Column(name = "discount_days")
  public Integer discountDays;

  /** The ERP asked never to send reminders to this customer. */
  @Column(name = "do_not_dun")
  public boolean doNotDun;

  /** Set by scoring's credit-hold events: no new credit while true. */
  @Column(name = "credit_hold")
  public boolean creditHold;

  @Column(name = "credit_hold_reason")
  public String creditHoldReason;

  /** When the latest applied credit-hold event happened; older events are ignored. */
  @Column(name = "credit_hold_changed_at")
  public Instant creditHoldChangedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  /** When name, e-mail and phone were last erased (invoicing.privacy); null if never. */
  @Column(name = "personal_data_erased_at")
  public Instant personalDataErasedAt;

  /** Why they were last erased: REQUEST or RETENTION. */
  @Column(name = "personal_data_erasure")
  public String personalDataErasure;

  @Version public long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  public PaymentTerms paymentTerms() {
    return new PaymentTerms(termsDays, termsEndOfMonth, discountPercent, discountDays);
  }
}
