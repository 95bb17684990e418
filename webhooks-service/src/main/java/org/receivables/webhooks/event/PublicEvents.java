package org.receivables.webhooks.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PromiseBroken;
import org.receivables.events.ReminderSent;
import org.receivables.events.ScoreChanged;
import org.receivables.events.WebhookSubscriptionDisabled;
import org.receivables.events.webhook.Payloads;
import org.receivables.events.webhook.PublicTypes;

/**
 * The one place where internal events become public webhook events: which internal type gives which
 * public type, and which fields an integrator sees. One internal event may give two (a payment that
 * settles its invoice is {@code payment.received} and {@code invoice.paid}), or none (internal
 * bookkeeping such as due-date changes). This service's own {@link WebhookSubscriptionDisabled} is
 * mapped here too, though it comes from the delivery worker rather than a topic.
 */
public final class PublicEvents {

  /**
   * A public event: its id (the internal id, or one derived from it), type and data; {@code
   * customerId} is null for a subscription's event.
   */
  public record Mapped(String id, String type, String customerId, Payloads.Data data) {}

  private PublicEvents() {}

  /**
   * The internal types this mapping reads from the topics, for the consumer's handler tables (this
   * service's own {@link WebhookSubscriptionDisabled} is not read from a topic).
   */
  public static final List<Class<? extends DomainEvent>> SOURCES =
      List.of(
          CustomerRegistered.class,
          InvoiceIssued.class,
          InvoiceCancelled.class,
          PaymentReceived.class,
          DisputeOpened.class,
          DisputeResolved.class,
          ReminderSent.class,
          PromiseBroken.class,
          CreditHoldChanged.class,
          ScoreChanged.class);

  /**
   * The public events of one internal event, in order.
   *
   * @param eventId the internal event's CloudEvent id
   * @param sequence the next number of the event's customer, asked once per public event of a
   *     customer
   */
  public static List<Mapped> map(DomainEvent event, String eventId, LongSupplier sequence) {
    String c = event.customerId();
    List<Mapped> out = new ArrayList<>(2);
    if (event instanceof CustomerRegistered e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.CUSTOMER_CREATED,
              c,
              new Payloads.CustomerCreated(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.externalRef(),
                  e.name(),
                  e.country(),
                  e.currency())));
    } else if (event instanceof InvoiceIssued e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.INVOICE_ISSUED,
              c,
              new Payloads.InvoiceIssued(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.invoiceId(),
                  e.number(),
                  e.issueDate(),
                  e.dueDate(),
                  e.currency(),
                  e.totalExclTax(),
                  e.totalTax(),
                  e.totalInclTax(),
                  e.outstanding())));
    } else if (event instanceof InvoiceCancelled e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.INVOICE_CANCELLED,
              c,
              new Payloads.InvoiceCancelled(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.invoiceId(),
                  e.number(),
                  e.currency(),
                  e.cancelledOn(),
                  e.reason())));
    } else if (event instanceof PaymentReceived e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.PAYMENT_RECEIVED,
              c,
              new Payloads.PaymentReceived(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.invoiceId(),
                  e.paymentId(),
                  e.currency(),
                  e.amount(),
                  e.receivedOn(),
                  e.reference(),
                  e.outstanding())));
      if (settles(e)) {
        String paidId = eventId + ":" + PublicTypes.INVOICE_PAID;
        out.add(
            mapped(
                paidId,
                PublicTypes.INVOICE_PAID,
                c,
                new Payloads.InvoicePaid(
                    paidId,
                    c,
                    sequence.getAsLong(),
                    e.invoiceId(),
                    e.paymentId(),
                    e.currency(),
                    e.amountPaid(),
                    e.receivedOn())));
      }
    } else if (event instanceof DisputeOpened e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.DISPUTE_OPENED,
              c,
              new Payloads.DisputeOpened(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.invoiceId(),
                  e.disputeId(),
                  e.reason(),
                  e.amount(),
                  e.openedOn())));
    } else if (event instanceof DisputeResolved e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.DISPUTE_RESOLVED,
              c,
              new Payloads.DisputeResolved(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.invoiceId(),
                  e.disputeId(),
                  e.outcome(),
                  e.resolvedOn())));
    } else if (event instanceof ReminderSent e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.REMINDER_SENT,
              c,
              new Payloads.ReminderSent(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.reminderId(),
                  e.invoiceIds() == null ? List.of() : List.copyOf(e.invoiceIds()),
                  e.step(),
                  e.channel(),
                  e.amount(),
                  e.currency(),
                  e.sentAt())));
    } else if (event instanceof PromiseBroken e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.PROMISE_BROKEN,
              c,
              new Payloads.PromiseBroken(
                  eventId, c, sequence.getAsLong(), e.promiseId(), e.brokenOn())));
    } else if (event instanceof CreditHoldChanged e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.CREDIT_HOLD_CHANGED,
              c,
              new Payloads.CreditHoldChanged(
                  eventId, c, sequence.getAsLong(), e.onHold(), e.reason(), e.changedAt())));
    } else if (event instanceof ScoreChanged e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.SCORE_CHANGED,
              c,
              new Payloads.ScoreChanged(
                  eventId,
                  c,
                  sequence.getAsLong(),
                  e.score(),
                  e.riskClass(),
                  e.probabilityOfDefault(),
                  e.creditLimit(),
                  e.currency(),
                  e.computedAt())));
    } else if (event instanceof WebhookSubscriptionDisabled e) {
      out.add(
          mapped(
              eventId,
              PublicTypes.SUBSCRIPTION_DISABLED,
              null,
              new Payloads.SubscriptionDisabled(
                  eventId,
                  e.subscriptionId(),
                  e.url(),
                  e.reason(),
                  e.failingSince(),
                  e.disabledAt(),
                  e.lastStatusCode(),
                  e.lastError())));
    }
    return out;
  }

  /** A payment settles its invoice when the invoice is PAID after it, or nothing is left owed. */
  static boolean settles(PaymentReceived e) {
    if (e.status() != null) {
      return e.status().equals("PAID");
    }
    return e.outstanding() != null && e.outstanding().compareTo(BigDecimal.ZERO) == 0;
  }

  private static Mapped mapped(String id, String type, String customerId, Payloads.Data data) {
    return new Mapped(id, type, customerId, data);
  }
}
