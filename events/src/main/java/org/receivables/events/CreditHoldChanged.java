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
    implements ScoringEvent {

  public static final String TYPE = "receivables.credit-hold.changed.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public CreditHoldChanged {
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
