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
    implements InvoicingEvent {

  public static final String TYPE = "receivables.payment.reversed.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PaymentReversed {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "amount",
        amount,
        "reversedOn",
        reversedOn);
  }

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
