package org.receivables.invoicing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** The part of a payment applied to one invoice, with the discount that part earned. */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation {

  /** Payment id and invoice id. */
  @Embeddable
  public record Key(
      @Column(name = "payment_id") UUID paymentId, @Column(name = "invoice_id") UUID invoiceId)
      implements Serializable {}

  @EmbeddedId public Key key;

  @MapsId("paymentId")
  @ManyToOne
  @JoinColumn(name = "payment_id")
  public Payment payment;

  @Column(name = "invoice_id", insertable = false, updatable = false)
  public UUID invoiceId;

  public BigDecimal amount;

  @Column(name = "discount_granted")
  public BigDecimal discountGranted;
}
