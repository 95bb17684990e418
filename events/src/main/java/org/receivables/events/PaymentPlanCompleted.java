package org.receivables.events;

import java.time.LocalDate;

/** Every instalment of a payment plan was paid. */
public record PaymentPlanCompleted(
    String tenantId, String customerId, String planId, LocalDate completedOn)
    implements DunningEvent {

  public static final String TYPE = "receivables.payment-plan.completed.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PaymentPlanCompleted {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "planId",
        planId,
        "completedOn",
        completedOn);
  }

  @Override
  public String subject() {
    return planId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
