package org.receivables.events;

/**
 * The facts dunning-service owns, published on {@link #TOPIC}: reminders, escalations, promises,
 * payment plans and requests for a credit hold (which scoring decides).
 */
public sealed interface DunningEvent extends DomainEvent
    permits CreditHoldRequested,
        DunningEscalated,
        PaymentPlanAgreed,
        PaymentPlanBroken,
        PaymentPlanCompleted,
        PromiseBroken,
        PromiseKept,
        PromiseMade,
        ReminderSent {

  String TOPIC = "receivables.dunning.v1";

  @Override
  default String topic() {
    return TOPIC;
  }
}
