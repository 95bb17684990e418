package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money was applied to one invoice. A bank payment spread over several invoices gives one event per
 * invoice, with the same paymentId.
 *
 * @param discountGranted optional: null when no early-payment discount was granted
 * @param status optional: the invoice's status after the payment; null keeps the known status
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
    implements InvoicingEvent {

  public static final String TYPE = "receivables.payment.received.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PaymentReceived {
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
        "receivedOn",
        receivedOn);
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
