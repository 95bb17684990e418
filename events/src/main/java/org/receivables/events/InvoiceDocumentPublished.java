package org.receivables.events;

/**
 * The PDF of an issued invoice, for whoever sends it on (dunning attaches it to reminders) without
 * calling invoicing: the Factur-X received when the invoice came as one, else the Factur-X
 * invoicing generates. The bytes travel base64-encoded; invoicing publishes nothing above its size
 * cap.
 *
 * @param origin {@link #RECEIVED} (the e-invoice as the seller issued it) or {@link #GENERATED}
 * @param content the document's bytes, base64 (RFC 4648, with padding)
 * @param sha256 hex SHA-256 of the decoded bytes
 */
public record InvoiceDocumentPublished(
    String tenantId,
    String customerId,
    String invoiceId,
    String number,
    String fileName,
    String mediaType,
    String origin,
    String sha256,
    String content)
    implements InvoicingDocumentEvent {

  public static final String TYPE = "receivables.invoice.document-published.v1";

  /** The Factur-X PDF the invoice was received as, byte for byte. */
  public static final String RECEIVED = "RECEIVED";

  /** The Factur-X PDF invoicing rendered from the ledger's invoice. */
  public static final String GENERATED = "GENERATED";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceDocumentPublished {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "mediaType",
        mediaType,
        "content",
        content);
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
