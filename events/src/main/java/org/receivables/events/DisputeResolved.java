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
    implements DomainEvent {

  public static final String TYPE = "receivables.dispute.resolved.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
