package org.receivables.events;

import java.time.Instant;

/**
 * Dunning asks for the PDF of an invoice it is about to attach to an e-mail reminder and does not
 * hold yet. Invoicing renders (or takes the Factur-X it received) only on such a request, since
 * most invoices are paid without a reminder, and answers with {@link InvoiceDocumentPublished} on
 * its documents topic: no synchronous call between the two services. A request repeated for an
 * invoice already published changes nothing.
 *
 * @param number the invoice's number, for logs and the dead-letter reason; may be null
 * @param requestedAt when dunning asked (its clock)
 */
public record InvoiceDocumentRequested(
    String tenantId, String customerId, String invoiceId, String number, Instant requestedAt)
    implements DunningEvent {

  public static final String TYPE = "receivables.invoice.document-requested.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceDocumentRequested {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "requestedAt",
        requestedAt);
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
