package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money was applied to one invoice. A bank payment spread over several invoices gives one event per
 * invoice, with the same paymentId.
 */
public record PaymentReceived(
    String tenantId,
    String customerId,
    String invoiceId,
    String paymentId,
    String currency,
    BigDecimal amount,
    BigDecimal discountGranted,
    LocalDate receivedOn,
    String reference,
    BigDecimal amountPaid,
    BigDecimal outstanding,
    String status)
    implements DomainEvent {

  public static final String TYPE = "receivables.payment.received.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
