package org.receivables.events;

import java.time.LocalDate;

/**
 * A status of the French e-invoicing lifecycle was recorded for an invoice: reported by a platform
 * (deposited, refused, in dispute, ...) or emitted by the ledger itself ({@code PAID}, code 212,
 * "encaissée", when the invoice is settled and money was collected on it: what e-reporting of
 * services needs). Its effects on the ledger travel as their own events (DisputeOpened,
 * InvoiceCancelled); consumers that do not report to a platform skip this one.
 *
 * @param code the reform's code, such as 212
 * @param source PLATFORM or LEDGER
 * @param reason optional: the platform's reason, or what settled the invoice (a payment, a credit
 *     note, a document that arrived paid)
 */
public record InvoiceLifecycleStatusRecorded(
    String tenantId,
    String customerId,
    String invoiceId,
    String statusId,
    String number,
    String status,
    String code,
    String source,
    LocalDate occurredOn,
    String reason)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.invoice.lifecycle-status-recorded.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceLifecycleStatusRecorded {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "statusId",
        statusId,
        "status",
        status,
        "code",
        code,
        "occurredOn",
        occurredOn);
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
