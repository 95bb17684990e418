package org.receivables.events;

import java.time.LocalDate;

/** Every instalment of a payment plan was paid. */
public record PaymentPlanCompleted(
    String tenantId, String customerId, String planId, LocalDate completedOn)
    implements DomainEvent {

  public static final String TYPE = "receivables.payment-plan.completed.v1";

  @Override
  public String subject() {
    return planId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
