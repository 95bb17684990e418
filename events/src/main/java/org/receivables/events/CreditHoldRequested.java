package org.receivables.events;

import java.time.LocalDate;

/** Dunning asks for the customer to be put on credit hold (a policy step). */
public record CreditHoldRequested(
    String tenantId, String customerId, String reason, LocalDate requestedOn)
    implements DomainEvent {

  public static final String TYPE = "receivables.credit-hold.requested.v1";

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
