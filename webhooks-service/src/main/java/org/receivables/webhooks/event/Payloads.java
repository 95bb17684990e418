package org.receivables.webhooks.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The public {@code data} of each webhook type: the schema integrators code against (documented in
 * docs/webhooks.md, kept true by a test), deliberately separate from the internal event records so
 * that an internal change never silently changes what an ERP receives. Every one starts with the
 * same three fields: {@code eventId} (the same on a replay), {@code customerId} and {@code
 * sequence}, which numbers one customer's events in the order they happened.
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
          Map.entry(PublicTypes.SCORE_CHANGED, ScoreChanged.class));

  /** The fields every type's data starts with. */
  public interface Data {
    /** The public event's id: the same in every delivery of it, replays included. */
    String eventId();

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
      implements Data {}

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
      implements Data {}

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
      implements Data {}

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
      implements Data {}

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
      implements Data {}

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
      implements Data {}

  /** dispute.resolved */
  public record DisputeResolved(
      String eventId,
      String customerId,
      long sequence,
      String invoiceId,
      String disputeId,
      String outcome,
      LocalDate resolvedOn)
      implements Data {}

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
      implements Data {}

  /** promise.broken */
  public record PromiseBroken(
      String eventId, String customerId, long sequence, String promiseId, LocalDate brokenOn)
      implements Data {}

  /** credit_hold.changed */
  public record CreditHoldChanged(
      String eventId,
      String customerId,
      long sequence,
      boolean onHold,
      String reason,
      Instant changedAt)
      implements Data {}

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
      implements Data {}
}
