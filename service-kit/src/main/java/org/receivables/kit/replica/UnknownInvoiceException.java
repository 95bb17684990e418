package org.receivables.kit.replica;

/**
 * An event names an invoice this service has never seen issued. The one rule for every consumer
 * (docs/events.md): such an event is neither skipped nor applied to a placeholder; the handler
 * throws this, nothing of the event is kept (its inbox row included) and the record goes to the
 * dead-letter topic with this message, to be replayed once its invoice is there. Events of one
 * customer share a key and so arrive in order: an invoice's later events cannot overtake its {@code
 * InvoiceIssued}; an unknown invoice means that event was itself dead-lettered or never published,
 * which an operator must see.
 */
public class UnknownInvoiceException extends IllegalStateException {

  public UnknownInvoiceException(String tenantId, String invoiceId) {
    super(
        "Unknown invoice "
            + invoiceId
            + " of tenant "
            + tenantId
            + ": its InvoiceIssued was never applied here; replay this record after it");
  }
}
