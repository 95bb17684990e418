package org.receivables.events;

import java.time.LocalDate;

/** An instalment was missed beyond the grace period; dunning resumes. */
public record PaymentPlanBroken(
    String tenantId, String customerId, String planId, LocalDate brokenOn) implements DunningEvent {

  public static final String TYPE = "receivables.payment-plan.broken.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PaymentPlanBroken {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "planId",
        planId,
        "brokenOn",
        brokenOn);
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
