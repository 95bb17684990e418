package org.receivables.events;

import java.time.LocalDate;

/**
 * A dispute was resolved: ACCEPTED (followed by a credit note or a cancellation) or REJECTED (back
 * to normal collection).
 */
public record DisputeResolved(
    String tenantId,
    String customerId,
    String invoiceId,
    String disputeId,
    String outcome,
    LocalDate resolvedOn)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.dispute.resolved.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public DisputeResolved {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "disputeId",
        disputeId,
        "resolvedOn",
        resolvedOn);
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
