package org.receivables.events;

import java.time.LocalDate;

/** An instalment was missed beyond the grace period; dunning resumes. */
public record PaymentPlanBroken(
    String tenantId, String customerId, String planId, LocalDate brokenOn) implements DomainEvent {

  public static final String TYPE = "receivables.payment-plan.broken.v1";

  @Override
  public String subject() {
    return planId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
