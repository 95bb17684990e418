package org.receivables.events;

/**
 * The facts invoicing-service owns, published on {@link #TOPIC}: customers, invoices, payments,
 * credit notes and disputes. Sealed, so that a consumer's handler table can be checked against the
 * complete list and a new type cannot appear on the topic unnoticed.
 */
public sealed interface InvoicingEvent extends DomainEvent
    permits CreditNoteIssued,
        CustomerPersonalDataErased,
        CustomerRegistered,
        CustomerUpdated,
        DisputeOpened,
        DisputeResolved,
        InvoiceCancelled,
        InvoiceDueDateChanged,
        InvoiceIssued,
        InvoiceLifecycleStatusRecorded,
        InvoiceWrittenOff,
        PaymentReceived,
        PaymentReversed {

  String TOPIC = "receivables.invoicing.v1";

  @Override
  default String topic() {
    return TOPIC;
  }
}
