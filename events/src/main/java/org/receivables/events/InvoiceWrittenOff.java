package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The remainder of an invoice was written off as a loss (bad debt). */
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
    implements DomainEvent {

  public static final String TYPE = "receivables.invoice.written-off.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
