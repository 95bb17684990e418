package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice without payments was cancelled; nothing is owed on it any more. */
public record InvoiceCancelled(
    String tenantId,
    String customerId,
    String invoiceId,
    String number,
    String currency,
    LocalDate cancelledOn,
    String reason,
    BigDecimal outstanding)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.invoice.cancelled.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceCancelled {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "cancelledOn",
        cancelledOn);
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
