package org.receivables.events.webhook;

import java.util.List;

/**
 * The event types a subscription may ask for: the public names integrators see, fixed by the API
 * contract and independent of the internal CloudEvent types they are mapped from
 * (webhooks-service's {@code PublicEvents}).
 */
public final class PublicTypes {

  public static final String CUSTOMER_CREATED = "customer.created";
  public static final String INVOICE_ISSUED = "invoice.issued";
  public static final String INVOICE_PAID = "invoice.paid";
  public static final String INVOICE_CANCELLED = "invoice.cancelled";
  public static final String PAYMENT_RECEIVED = "payment.received";
  public static final String DISPUTE_OPENED = "dispute.opened";
  public static final String DISPUTE_RESOLVED = "dispute.resolved";
  public static final String REMINDER_SENT = "reminder.sent";
  public static final String PROMISE_BROKEN = "promise.broken";
  public static final String CREDIT_HOLD_CHANGED = "credit_hold.changed";
  public static final String SCORE_CHANGED = "score.changed";
  public static final String SUBSCRIPTION_DISABLED = "webhook.subscription.disabled";

  /** Every public type, in the order the documentation lists them. */
  public static final List<String> ALL =
      List.of(
          CUSTOMER_CREATED,
          INVOICE_ISSUED,
          INVOICE_PAID,
          INVOICE_CANCELLED,
          PAYMENT_RECEIVED,
          DISPUTE_OPENED,
          DISPUTE_RESOLVED,
          REMINDER_SENT,
          PROMISE_BROKEN,
          CREDIT_HOLD_CHANGED,
          SCORE_CHANGED,
          SUBSCRIPTION_DISABLED);

  private PublicTypes() {}

  public static boolean isKnown(String type) {
    return ALL.contains(type);
  }
}
