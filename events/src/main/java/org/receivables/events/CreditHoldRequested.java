package org.receivables.events;

import java.time.LocalDate;

/** Dunning asks for the customer to be put on credit hold (a policy step). */
public record CreditHoldRequested(
    String tenantId, String customerId, String reason, LocalDate requestedOn)
    implements DunningEvent {

  public static final String TYPE = "receivables.credit-hold.requested.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public CreditHoldRequested {
    Required.fields(
        TYPE, "tenantId", tenantId, "customerId", customerId, "requestedOn", requestedOn);
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
