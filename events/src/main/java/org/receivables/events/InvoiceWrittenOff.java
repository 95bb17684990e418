package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The remainder of an invoice was written off as a loss (bad debt).
 *
 * @param amount optional: null means the invoice's whole open balance
 */
public record InvoiceWrittenOff(
    String tenantId,
    String customerId,
    String invoiceId,
    String number,
    String currency,
    LocalDate writtenOffOn,
    BigDecimal amount,
    String reason,
    BigDecimal outstanding)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.invoice.written-off.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceWrittenOff {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "writtenOffOn",
        writtenOffOn);
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
