package org.receivables.events;

/**
 * The facts dunning-service owns, published on {@link #TOPIC}: reminders, escalations, promises,
 * payment plans, requests for a credit hold (which scoring decides) and requests for an invoice's
 * PDF (which invoicing answers on its documents topic).
 */
public sealed interface DunningEvent extends DomainEvent
    permits CreditHoldRequested,
        DunningEscalated,
        InvoiceDocumentRequested,
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
