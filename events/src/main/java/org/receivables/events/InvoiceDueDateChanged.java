package org.receivables.events;

import java.time.LocalDate;

/** An invoice's due date was moved (e.g. agreed extension). */
public record InvoiceDueDateChanged(
    String tenantId,
    String customerId,
    String invoiceId,
    LocalDate previousDueDate,
    LocalDate dueDate)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.invoice.due-date-changed.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceDueDateChanged {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "dueDate",
        dueDate);
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
