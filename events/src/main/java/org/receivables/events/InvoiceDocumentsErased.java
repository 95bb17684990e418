package org.receivables.events;

import java.time.Instant;

/**
 * The customer's personal data was erased (see {@link CustomerPersonalDataErased}): its invoice
 * PDFs published before name it, so every copy of them goes. Published on the documents topic, in
 * the erasure's transaction, after the documents it withdraws (same key, same partition).
 */
public record InvoiceDocumentsErased(
    String tenantId, String customerId, String reason, Instant erasedAt)
    implements InvoicingDocumentEvent {

  public static final String TYPE = "receivables.invoice.documents-erased.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceDocumentsErased {
    Required.fields(TYPE, "tenantId", tenantId, "customerId", customerId);
  }

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
