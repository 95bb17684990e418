package org.receivables.events;

import java.time.Instant;

/** A customer was put on credit hold or released from it, by policy or by a credit manager. */
public record CreditHoldChanged(
    String tenantId,
    String customerId,
    boolean onHold,
    String reason,
    String changedBy,
    Instant changedAt)
    implements DomainEvent {

  public static final String TYPE = "receivables.credit-hold.changed.v1";

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
