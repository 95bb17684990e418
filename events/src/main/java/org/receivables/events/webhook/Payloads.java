package org.receivables.events.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The public {@code data} of each webhook type: the schema integrators code against (documented in
 * docs/webhooks.md and in the AsyncAPI document, both kept true by tests), deliberately separate
 * from the internal event records so that an internal change never silently changes what an ERP
 * receives. They live in the events module, beside the internal contract, so that the AsyncAPI
 * document is generated from them too; webhooks-service maps the internal events to them.
 *
 * <p>A customer's event ({@link CustomerData}) starts with the same three fields: {@code eventId}
 * (the same on a replay), {@code customerId} and {@code sequence}, which numbers one customer's
 * events in the order they happened. A subscription's event ({@link SubscriptionDisabled}) starts
 * with {@code eventId} and {@code subscriptionId}. Each constructor refuses null in the fields that
 * always have a value; every other field may be null, and is then written as {@code null}.
 */
public final class Payloads {

  private Payloads() {}

  /** The data record of each public type (docs/webhooks.md lists their fields, a test compares). */
  public static final Map<String, Class<? extends Data>> BY_TYPE =
      Map.ofEntries(
          Map.entry(PublicTypes.CUSTOMER_CREATED, CustomerCreated.class),
          Map.entry(PublicTypes.INVOICE_ISSUED, InvoiceIssued.class),
          Map.entry(PublicTypes.INVOICE_PAID, InvoicePaid.class),
          Map.entry(PublicTypes.INVOICE_CANCELLED, InvoiceCancelled.class),
          Map.entry(PublicTypes.PAYMENT_RECEIVED, PaymentReceived.class),
          Map.entry(PublicTypes.DISPUTE_OPENED, DisputeOpened.class),
          Map.entry(PublicTypes.DISPUTE_RESOLVED, DisputeResolved.class),
          Map.entry(PublicTypes.REMINDER_SENT, ReminderSent.class),
          Map.entry(PublicTypes.PROMISE_BROKEN, PromiseBroken.class),
          Map.entry(PublicTypes.CREDIT_HOLD_CHANGED, CreditHoldChanged.class),
          Map.entry(PublicTypes.SCORE_CHANGED, ScoreChanged.class),
          Map.entry(PublicTypes.SUBSCRIPTION_DISABLED, SubscriptionDisabled.class));

  /** What every type's data starts with. */
  public interface Data {
    /** The public event's id: the same in every delivery of it, replays included. */
    String eventId();
  }

  /** The fields every customer event's data starts with. */
  public interface CustomerData extends Data {
    String customerId();

    /** The event's number among its customer's events, from 1, in the order they happened. */
    long sequence();
  }

  /** What every delivery's body is: {@code {type, timestamp, data}} (Standard Webhooks). */
  public record Envelope(String type, Instant timestamp, Data data) {}

  /** customer.created */
  public record CustomerCreated(
      String eventId,
      String customerId,
      long sequence,
      String externalRef,
      String name,
      String country,
      String currency)
      implements CustomerData {
    public CustomerCreated {
      Present.fields(PublicTypes.CUSTOMER_CREATED, "eventId", eventId, "customerId", customerId);
    }
  }

  /** invoice.issued */
  public record InvoiceIssued(
      String eventId,
      String customerId,
      long sequence,
      String invoiceId,
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      String currency,
      BigDecimal totalExclTax,
      BigDecimal totalTax,
      BigDecimal totalInclTax,
      BigDecimal outstanding)
      implements CustomerData {
    public InvoiceIssued {
      Present.fields(
          PublicTypes.INVOICE_ISSUED,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "invoiceId",
          invoiceId,
          "number",
          number,
          "issueDate",
          issueDate,
          "dueDate",
          dueDate,
          "currency",
          currency,
          "totalInclTax",
          totalInclTax);
    }
  }

  /** invoice.paid: the invoice's outstanding reached zero by a payment. */
  public record InvoicePaid(
      String eventId,
      String customerId,
      long sequence,
      String invoiceId,
      String paymentId,
      String currency,
      BigDecimal amountPaid,
      LocalDate paidOn)
      implements CustomerData {
    public InvoicePaid {
      Present.fields(
          PublicTypes.INVOICE_PAID,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "invoiceId",
          invoiceId,
          "paidOn",
          paidOn);
    }
  }

  /** invoice.cancelled */
  public record InvoiceCancelled(
      String eventId,
      String customerId,
      long sequence,
      String invoiceId,
      String number,
      String currency,
      LocalDate cancelledOn,
      String reason)
      implements CustomerData {
    public InvoiceCancelled {
      Present.fields(
          PublicTypes.INVOICE_CANCELLED,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "invoiceId",
          invoiceId,
          "cancelledOn",
          cancelledOn);
    }
  }

  /** payment.received: money applied to one invoice. */
  public record PaymentReceived(
      String eventId,
      String customerId,
      long sequence,
      String invoiceId,
      String paymentId,
      String currency,
      BigDecimal amount,
      LocalDate receivedOn,
      String reference,
      BigDecimal outstanding)
      implements CustomerData {
    public PaymentReceived {
      Present.fields(
          PublicTypes.PAYMENT_RECEIVED,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "invoiceId",
          invoiceId,
          "amount",
          amount,
          "receivedOn",
          receivedOn);
    }
  }

  /** dispute.opened */
  public record DisputeOpened(
      String eventId,
      String customerId,
      long sequence,
      String invoiceId,
      String disputeId,
      String reason,
      BigDecimal amount,
      LocalDate openedOn)
      implements CustomerData {
    public DisputeOpened {
      Present.fields(
          PublicTypes.DISPUTE_OPENED,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "invoiceId",
          invoiceId,
          "disputeId",
          disputeId,
          "openedOn",
          openedOn);
    }
  }

  /** dispute.resolved */
  public record DisputeResolved(
      String eventId,
      String customerId,
      long sequence,
      String invoiceId,
      String disputeId,
      String outcome,
      LocalDate resolvedOn)
      implements CustomerData {
    public DisputeResolved {
      Present.fields(
          PublicTypes.DISPUTE_RESOLVED,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "invoiceId",
          invoiceId,
          "disputeId",
          disputeId,
          "resolvedOn",
          resolvedOn);
    }
  }

  /** reminder.sent */
  public record ReminderSent(
      String eventId,
      String customerId,
      long sequence,
      String reminderId,
      List<String> invoiceIds,
      String step,
      String channel,
      BigDecimal amount,
      String currency,
      Instant sentAt)
      implements CustomerData {
    public ReminderSent {
      Present.fields(
          PublicTypes.REMINDER_SENT,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "reminderId",
          reminderId,
          "invoiceIds",
          invoiceIds);
    }
  }

  /** promise.broken */
  public record PromiseBroken(
      String eventId, String customerId, long sequence, String promiseId, LocalDate brokenOn)
      implements CustomerData {
    public PromiseBroken {
      Present.fields(
          PublicTypes.PROMISE_BROKEN,
          "eventId",
          eventId,
          "customerId",
          customerId,
          "promiseId",
          promiseId,
          "brokenOn",
          brokenOn);
    }
  }

  /** credit_hold.changed */
  public record CreditHoldChanged(
      String eventId,
      String customerId,
      long sequence,
      boolean onHold,
      String reason,
      Instant changedAt)
      implements CustomerData {
    public CreditHoldChanged {
      Present.fields(PublicTypes.CREDIT_HOLD_CHANGED, "eventId", eventId, "customerId", customerId);
    }
  }

  /** score.changed */
  public record ScoreChanged(
      String eventId,
      String customerId,
      long sequence,
      int score,
      String riskClass,
      BigDecimal probabilityOfDefault,
      BigDecimal creditLimit,
      String currency,
      Instant computedAt)
      implements CustomerData {
    public ScoreChanged {
      Present.fields(PublicTypes.SCORE_CHANGED, "eventId", eventId, "customerId", customerId);
    }
  }

  /**
   * webhook.subscription.disabled: another of the tenant's subscriptions was disabled after every
   * attempt to it failed for days (never sent to the disabled one itself).
   */
  public record SubscriptionDisabled(
      String eventId,
      String subscriptionId,
      String url,
      String reason,
      Instant failingSince,
      Instant disabledAt,
      Integer lastStatusCode,
      String lastError)
      implements Data {
    public SubscriptionDisabled {
      Present.fields(
          PublicTypes.SUBSCRIPTION_DISABLED,
          "eventId",
          eventId,
          "subscriptionId",
          subscriptionId,
          "url",
          url,
          "disabledAt",
          disabledAt);
    }
  }
}
