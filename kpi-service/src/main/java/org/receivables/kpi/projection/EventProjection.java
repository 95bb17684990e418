package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CreditHoldRequested;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.DunningEscalated;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentPlanAgreed;
import org.receivables.events.PaymentPlanBroken;
import org.receivables.events.PaymentPlanCompleted;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.PromiseBroken;
import org.receivables.events.PromiseKept;
import org.receivables.events.PromiseMade;
import org.receivables.events.ReminderSent;
import org.receivables.events.ScoreChanged;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.kpi.projection.Ledger.InvoiceRef;

/**
 * Applies every event of the three topics to the KPI tables. The live consumers and the rebuild
 * share {@link #project}: the figures depend only on the events and their order per key, never on
 * when they were read. A live event is applied bound to its tenant (row-level security).
 */
@ApplicationScoped
public class EventProjection {

  private static final Logger LOG = Logger.getLogger(EventProjection.class);

  @Inject EntityManager em;
  @Inject Inbox inbox;
  @Inject Ledger ledger;
  @Inject TenantLock lock;
  @Inject TenantScope tenants;
  @Inject BusinessCalendar.TimeConfig time;

  /**
   * Applies a record read live, at most once: its id goes into the inbox of {@code consumer} in the
   * same transaction. Anything thrown sends the record to the channel's dead-letter topic.
   */
  @Transactional
  public void apply(String consumer, IncomingEvent event) {
    applyInTransaction(consumer, event);
  }

  /** Applies a polled batch in one transaction: all of it, or (by throwing) none of it. */
  @Transactional
  public void applyAll(String consumer, List<IncomingEvent> events) {
    events.forEach(e -> e.inItsTrace(() -> applyInTransaction(consumer, e)));
  }

  private void applyInTransaction(String consumer, IncomingEvent event) {
    if (!event.isKnown()) {
      LOG.debugf("Skipping event type %s, not one of the contract", event.type());
      return;
    }
    DomainEvent data = event.read();
    if (data.tenantId() == null || data.tenantId().isBlank()) {
      throw new IllegalArgumentException("event " + event.id() + " names no tenant");
    }
    tenants.bindTransaction(data.tenantId());
    lock.exclusive(data.tenantId());
    if (!inbox.firstDelivery(consumer, event.id())) {
      return;
    }
    project(event.id(), data);
  }

  /** Applies one event's data; the caller holds the tenant's lock and de-duplicates. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void project(String eventId, DomainEvent data) {
    if (data instanceof InvoiceIssued e) {
      onIssued(eventId, e);
    } else if (data instanceof PaymentReceived e) {
      onPayment(eventId, e);
    } else if (data instanceof PaymentReversed e) {
      onReversal(eventId, e);
    } else if (data instanceof CreditNoteIssued e) {
      onCreditNote(eventId, e);
    } else if (data instanceof InvoiceCancelled e) {
      onCancelled(eventId, e);
    } else if (data instanceof InvoiceWrittenOff e) {
      onWrittenOff(eventId, e);
    } else if (data instanceof InvoiceDueDateChanged e) {
      onDueDateChanged(e);
    } else if (data instanceof DisputeOpened e) {
      onDisputeOpened(e);
    } else if (data instanceof DisputeResolved e) {
      onDisputeResolved(e);
    } else if (data instanceof CustomerRegistered e) {
      upsertCustomer(e.tenantId(), e.customerId(), e.externalRef(), e.name(), e.segment());
    } else if (data instanceof CustomerUpdated e) {
      upsertCustomer(e.tenantId(), e.customerId(), e.externalRef(), e.name(), e.segment());
    } else if (data instanceof CustomerPersonalDataErased e) {
      erasePersonalData(e);
    } else if (data instanceof CreditHoldChanged e) {
      creditHold(e.tenantId(), e.customerId(), e.onHold());
    } else if (data instanceof ScoreChanged e) {
      onScore(e);
    } else if (data instanceof ReminderSent e) {
      onReminder(
          e.tenantId(),
          e.customerId(),
          e.reminderId(),
          e.step(),
          e.channel(),
          e.amount(),
          e.currency(),
          day(e.sentAt()),
          e.invoiceIds());
    } else if (data instanceof DunningEscalated e) {
      onReminder(
          e.tenantId(),
          e.customerId(),
          "escalation:" + eventId,
          e.step(),
          e.action(),
          null,
          null,
          e.escalatedOn(),
          e.invoiceIds());
    } else if (data instanceof PromiseMade e) {
      commitment(
          e.tenantId(),
          e.customerId(),
          e.promiseId(),
          "PROMISE",
          e.amount(),
          e.currency(),
          e.promisedFor());
    } else if (data instanceof PromiseKept e) {
      outcome(e.tenantId(), e.customerId(), e.promiseId(), "PROMISE", "KEPT", e.keptOn());
    } else if (data instanceof PromiseBroken e) {
      outcome(e.tenantId(), e.customerId(), e.promiseId(), "PROMISE", "BROKEN", e.brokenOn());
    } else if (data instanceof PaymentPlanAgreed e) {
      commitment(
          e.tenantId(),
          e.customerId(),
          e.planId(),
          "PLAN",
          e.total(),
          e.currency(),
          e.lastDueDate());
    } else if (data instanceof PaymentPlanCompleted e) {
      outcome(e.tenantId(), e.customerId(), e.planId(), "PLAN", "KEPT", e.completedOn());
    } else if (data instanceof PaymentPlanBroken e) {
      outcome(e.tenantId(), e.customerId(), e.planId(), "PLAN", "BROKEN", e.brokenOn());
    } else if (data instanceof CreditHoldRequested e) {
      // The hold itself arrives as CreditHoldChanged from scoring; a request changes no figure.
      LOG.debugf("Credit hold requested for %s", e.customerId());
    } else {
      LOG.debugf("No KPI uses %s", data.type());
    }
  }

  private void onIssued(String eventId, InvoiceIssued e) {
    int inserted =
        em.createNativeQuery(
                "insert into kpi_invoice (invoice_id, tenant_id, customer_id, number, currency,"
                    + " issue_date, due_date, original_due_date, total_incl_tax) values (:id,"
                    + " :tenant, :customer, :number, :currency, :issue, :due, :due, :total)"
                    + " on conflict (invoice_id) do nothing")
            .setParameter("id", UUID.fromString(e.invoiceId()))
            .setParameter("tenant", e.tenantId())
            .setParameter("customer", UUID.fromString(e.customerId()))
            .setParameter("number", e.number())
            .setParameter("currency", e.currency())
            .setParameter("issue", e.issueDate())
            .setParameter("due", e.dueDate())
            .setParameter("total", e.totalInclTax())
            .executeUpdate();
    if (inserted == 0) {
      LOG.warnf("Invoice %s issued twice under different event ids; kept the first", e.invoiceId());
      return;
    }
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    ledger.post(
        invoice,
        e.issueDate(),
        "ISSUED",
        e.totalInclTax(),
        eventId,
        FlowDelta.issued(e.totalInclTax()));
  }

  private void onPayment(String eventId, PaymentReceived e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    LocalDate on = e.receivedOn();
    em.createNativeQuery(
            "insert into kpi_payment (invoice_id, payment_id, received_on, amount) values (:id,"
                + " :payment, :on, :amount) on conflict do nothing")
        .setParameter("id", invoice.invoiceId())
        .setParameter("payment", String.valueOf(e.paymentId()))
        .setParameter("on", on)
        .setParameter("amount", e.amount())
        .executeUpdate();
    ledger.post(
        invoice,
        on,
        "PAYMENT",
        e.amount().negate(),
        eventId,
        FlowDelta.collected(
            e.amount(), days(invoice.dueDate(), on), days(invoice.issueDate(), on)));
    BigDecimal discount = e.discountGranted();
    if (discount != null && discount.signum() > 0) {
      ledger.post(
          invoice, on, "DISCOUNT", discount.negate(), eventId, FlowDelta.discounted(discount));
    }
  }

  private void onReversal(String eventId, PaymentReversed e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    @SuppressWarnings("unchecked")
    List<Object> paidOn =
        em.createNativeQuery(
                "select received_on from kpi_payment where invoice_id = :id and payment_id ="
                    + " :payment")
            .setParameter("id", invoice.invoiceId())
            .setParameter("payment", String.valueOf(e.paymentId()))
            .getResultList();
    // The reversal undoes the delay weighting of the payment it reverses, dated as that payment.
    LocalDate weightedOn = paidOn.isEmpty() ? e.reversedOn() : Ledger.date(paidOn.get(0));
    ledger.post(
        invoice,
        e.reversedOn(),
        "PAYMENT_REVERSED",
        e.amount(),
        eventId,
        FlowDelta.collected(
            e.amount().negate(),
            days(invoice.dueDate(), weightedOn),
            days(invoice.issueDate(), weightedOn)));
  }

  private void onCreditNote(String eventId, CreditNoteIssued e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    ledger.post(
        invoice,
        e.issuedOn(),
        "CREDIT_NOTE",
        e.amount().negate(),
        eventId,
        FlowDelta.credited(e.amount()));
  }

  private void onCancelled(String eventId, InvoiceCancelled e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    BigDecimal open = invoice.balance();
    ledger.post(
        invoice, e.cancelledOn(), "CANCELLED", open.negate(), eventId, FlowDelta.cancelled(open));
  }

  private void onWrittenOff(String eventId, InvoiceWrittenOff e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    BigDecimal amount = e.amount() != null ? e.amount() : invoice.balance();
    ledger.post(
        invoice,
        e.writtenOffOn(),
        "WRITTEN_OFF",
        amount.negate(),
        eventId,
        FlowDelta.writtenOff(amount));
  }

  private void onDueDateChanged(InvoiceDueDateChanged e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    ledger.moveDueDate(invoice, e.dueDate());
    // The event carries no effective date: the new due date holds for every as-of date.
    ledger.staleFrom(invoice.tenantId(), invoice.currency(), invoice.issueDate());
  }

  private void onDisputeOpened(DisputeOpened e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    BigDecimal amount = e.amount() != null ? e.amount() : invoice.total();
    int inserted =
        em.createNativeQuery(
                "insert into kpi_dispute (tenant_id, dispute_id, invoice_id, amount, opened_on)"
                    + " values (:tenant, :dispute, :invoice, :amount, :on) on conflict do nothing")
            .setParameter("tenant", e.tenantId())
            .setParameter("dispute", e.disputeId())
            .setParameter("invoice", invoice.invoiceId())
            .setParameter("amount", amount)
            .setParameter("on", e.openedOn())
            .executeUpdate();
    if (inserted == 1) {
      em.createNativeQuery("update kpi_invoice set disputed = true where invoice_id = :id")
          .setParameter("id", invoice.invoiceId())
          .executeUpdate();
      ledger.addFlow(invoice, e.openedOn(), FlowDelta.disputed(amount));
    }
  }

  private void onDisputeResolved(DisputeResolved e) {
    InvoiceRef invoice = ledger.invoice(e.tenantId(), e.invoiceId());
    em.createNativeQuery(
            "update kpi_dispute set outcome = :outcome, resolved_on = :on where tenant_id ="
                + " :tenant and dispute_id = :dispute")
        .setParameter("outcome", e.outcome())
        .setParameter("on", e.resolvedOn())
        .setParameter("tenant", e.tenantId())
        .setParameter("dispute", e.disputeId())
        .executeUpdate();
    em.createNativeQuery(
            "update kpi_invoice set disputed = exists (select 1 from kpi_dispute d where"
                + " d.invoice_id = :id and d.resolved_on is null) where invoice_id = :id")
        .setParameter("id", invoice.invoiceId())
        .executeUpdate();
  }

  /** The customer's name is the only personal data kpi holds; its figures stay. */
  private void erasePersonalData(CustomerPersonalDataErased e) {
    em.createNativeQuery(
            "update kpi_customer set name = null where tenant_id = :tenant and customer_id = :id")
        .setParameter("tenant", e.tenantId())
        .setParameter("id", UUID.fromString(e.customerId()))
        .executeUpdate();
  }

  private void upsertCustomer(
      String tenantId, String customerId, String externalRef, String name, String segment) {
    em.createNativeQuery(
            "insert into kpi_customer (tenant_id, customer_id, external_ref, name, segment)"
                + " values (:tenant, :id, :ref, :name, :segment) on conflict (tenant_id,"
                + " customer_id) do update set external_ref = excluded.external_ref, name ="
                + " excluded.name, segment = excluded.segment")
        .setParameter("tenant", tenantId)
        .setParameter("id", UUID.fromString(customerId))
        .setParameter("ref", externalRef)
        .setParameter("name", name)
        .setParameter("segment", segment == null || segment.isBlank() ? null : segment)
        .executeUpdate();
  }

  private void creditHold(String tenantId, String customerId, boolean onHold) {
    em.createNativeQuery(
            "insert into kpi_customer (tenant_id, customer_id, credit_hold) values (:tenant, :id,"
                + " :hold) on conflict (tenant_id, customer_id) do update set credit_hold ="
                + " excluded.credit_hold")
        .setParameter("tenant", tenantId)
        .setParameter("id", UUID.fromString(customerId))
        .setParameter("hold", onHold)
        .executeUpdate();
  }

  private void onScore(ScoreChanged e) {
    UUID customer = UUID.fromString(e.customerId());
    Instant at = e.computedAt() != null ? e.computedAt() : Instant.EPOCH;
    em.createNativeQuery(
            "insert into kpi_customer (tenant_id, customer_id, score, risk_class,"
                + " probability_of_default) values (:tenant, :id, :score, :risk, :pd) on conflict"
                + " (tenant_id, customer_id) do update set score = excluded.score, risk_class ="
                + " excluded.risk_class, probability_of_default = excluded.probability_of_default")
        .setParameter("tenant", e.tenantId())
        .setParameter("id", customer)
        .setParameter("score", e.score())
        .setParameter("risk", e.riskClass())
        .setParameter("pd", e.probabilityOfDefault())
        .executeUpdate();
    em.createNativeQuery(
            "insert into kpi_score_history (tenant_id, customer_id, computed_at, computed_on,"
                + " score, risk_class, probability_of_default) values (:tenant, :id, :at, :on,"
                + " :score, :risk, :pd) on conflict do nothing")
        .setParameter("tenant", e.tenantId())
        .setParameter("id", customer)
        .setParameter("at", at)
        .setParameter("on", day(at))
        .setParameter("score", e.score())
        .setParameter("risk", e.riskClass())
        .setParameter("pd", e.probabilityOfDefault())
        .executeUpdate();
  }

  private void onReminder(
      String tenantId,
      String customerId,
      String reminderId,
      String step,
      String channel,
      BigDecimal amount,
      String currency,
      LocalDate sentOn,
      List<String> invoiceIds) {
    List<String> ids = invoiceIds == null ? List.of() : invoiceIds;
    String cur = currency;
    if (cur == null) {
      // an escalation names no currency: it is that of its invoices
      for (String id : ids) {
        @SuppressWarnings("unchecked")
        List<String> found =
            em.createNativeQuery(
                    "select currency from kpi_invoice where invoice_id = :id and tenant_id ="
                        + " :tenant")
                .setParameter("id", UUID.fromString(id))
                .setParameter("tenant", tenantId)
                .getResultList();
        if (!found.isEmpty()) {
          cur = found.get(0).trim();
          break;
        }
      }
    }
    int inserted =
        em.createNativeQuery(
                "insert into kpi_reminder (tenant_id, reminder_id, customer_id, step, channel,"
                    + " amount, currency, sent_on) values (:tenant, :id, :customer, :step,"
                    + " :channel, :amount, :currency, :on) on conflict do nothing")
            .setParameter("tenant", tenantId)
            .setParameter("id", reminderId)
            .setParameter("customer", UUID.fromString(customerId))
            .setParameter("step", step == null ? "UNKNOWN" : step)
            .setParameter("channel", channel == null ? "UNKNOWN" : channel)
            .setParameter("amount", amount)
            .setParameter("currency", cur)
            .setParameter("on", sentOn)
            .executeUpdate();
    if (inserted == 0) {
      return;
    }
    for (String id : ids) {
      em.createNativeQuery(
              "insert into kpi_reminder_invoice (tenant_id, reminder_id, invoice_id) values"
                  + " (:tenant, :reminder, :invoice) on conflict do nothing")
          .setParameter("tenant", tenantId)
          .setParameter("reminder", reminderId)
          .setParameter("invoice", UUID.fromString(id))
          .executeUpdate();
    }
  }

  private void commitment(
      String tenantId,
      String customerId,
      String id,
      String kind,
      BigDecimal amount,
      String currency,
      LocalDate dueOn) {
    em.createNativeQuery(
            "insert into kpi_commitment (tenant_id, commitment_id, kind, customer_id, amount,"
                + " currency, due_on) values (:tenant, :id, :kind, :customer, :amount, :currency,"
                + " :due) on conflict (tenant_id, commitment_id) do update set amount ="
                + " excluded.amount, currency = excluded.currency, due_on = excluded.due_on")
        .setParameter("tenant", tenantId)
        .setParameter("id", id)
        .setParameter("kind", kind)
        .setParameter("customer", UUID.fromString(customerId))
        .setParameter("amount", amount)
        .setParameter("currency", currency)
        .setParameter("due", dueOn)
        .executeUpdate();
  }

  private void outcome(
      String tenantId, String customerId, String id, String kind, String outcome, LocalDate on) {
    // An outcome may come without its promise (published before this service listened): kept
    // anyway.
    em.createNativeQuery(
            "insert into kpi_commitment (tenant_id, commitment_id, kind, customer_id, outcome,"
                + " resolved_on) values (:tenant, :id, :kind, :customer, :outcome, :on) on"
                + " conflict (tenant_id, commitment_id) do update set outcome = excluded.outcome,"
                + " resolved_on = excluded.resolved_on")
        .setParameter("tenant", tenantId)
        .setParameter("id", id)
        .setParameter("kind", kind)
        .setParameter("customer", UUID.fromString(customerId))
        .setParameter("outcome", outcome)
        .setParameter("on", on)
        .executeUpdate();
    ledger.staleFrom(tenantId, on);
  }

  private LocalDate day(Instant at) {
    return at == null ? LocalDate.EPOCH : LocalDate.ofInstant(at, time.defaultZone());
  }

  private static long days(LocalDate from, LocalDate to) {
    return to.toEpochDay() - from.toEpochDay();
  }
}
