package org.receivables.events;

import java.time.LocalDate;

/** An invoice's due date was moved (e.g. agreed extension). */
public record InvoiceDueDateChanged(
    String tenantId,
    String customerId,
    String invoiceId,
    LocalDate previousDueDate,
    LocalDate dueDate)
    implements DomainEvent {

  public static final String TYPE = "receivables.invoice.due-date-changed.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
