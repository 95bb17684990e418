package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment applied to an invoice was reversed (bounced transfer); the invoice is owed again. */
public record PaymentReversed(
    String tenantId,
    String customerId,
    String invoiceId,
    String paymentId,
    String currency,
    BigDecimal amount,
    LocalDate reversedOn,
    String reason,
    BigDecimal amountPaid,
    BigDecimal outstanding,
    String status)
    implements DomainEvent {

  public static final String TYPE = "receivables.payment.reversed.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
