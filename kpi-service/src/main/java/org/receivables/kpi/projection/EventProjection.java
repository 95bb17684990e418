package org.receivables.kpi.projection;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
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
import org.receivables.events.DunningEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDocumentRequested;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceLifecycleStatusRecorded;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.InvoicingEvent;
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
import org.receivables.events.ScoringEvent;
import org.receivables.kit.inbox.EventHandlers;

/**
 * What kpi does with each event of the three topics: one kit handler table per topic, listing every
 * type of its producer's sealed interface. The live consumers ({@link EventsConsumer}, through the
 * kit's inbox dispatcher) and the rebuild share these tables: the figures depend only on the events
 * and their order per key, never on when they were read. Each handled event takes its tenant's lock
 * first; what a batch changes in the aggregates is written once, after its last event.
 */
@ApplicationScoped
public class EventProjection {

  private static final Logger LOG = Logger.getLogger(EventProjection.class);

  @Inject TenantLock lock;
  @Inject InvoiceEvents invoices;
  @Inject CustomerEvents customers;
  @Inject DunningEvents dunning;
  @Inject AggregateWriter aggregates;

  private Map<String, EventHandlers> byTopic;

  @PostConstruct
  void tables() {
    EventHandlers invoicing =
        batch()
            .onWithId(InvoiceIssued.class, invoices::onIssued)
            .onWithId(PaymentReceived.class, invoices::onPayment)
            .onWithId(PaymentReversed.class, invoices::onReversal)
            .onWithId(CreditNoteIssued.class, invoices::onCreditNote)
            .onWithId(InvoiceCancelled.class, invoices::onCancelled)
            .onWithId(InvoiceWrittenOff.class, invoices::onWrittenOff)
            .on(InvoiceDueDateChanged.class, invoices::onDueDateChanged)
            .on(DisputeOpened.class, invoices::onDisputeOpened)
            .on(DisputeResolved.class, invoices::onDisputeResolved)
            .on(CustomerRegistered.class, customers::onRegistered)
            .on(CustomerUpdated.class, customers::onUpdated)
            .on(CustomerPersonalDataErased.class, customers::onErased)
            // A platform status changes no figure: the dispute, cancellation or payment it
            // stands for arrives as its own event.
            .on(
                InvoiceLifecycleStatusRecorded.class,
                e -> LOG.debugf("Lifecycle status %s for %s", e.status(), e.invoiceId()))
            .build();
    EventHandlers scoring =
        batch()
            .on(ScoreChanged.class, customers::onScore)
            .on(CreditHoldChanged.class, customers::onCreditHold)
            .build();
    EventHandlers dunningTable =
        batch()
            .on(ReminderSent.class, dunning::onReminder)
            .onWithId(DunningEscalated.class, dunning::onEscalation)
            .on(PromiseMade.class, dunning::onPromise)
            .on(PromiseKept.class, dunning::onPromiseKept)
            .on(PromiseBroken.class, dunning::onPromiseBroken)
            .on(PaymentPlanAgreed.class, dunning::onPlan)
            .on(PaymentPlanCompleted.class, dunning::onPlanCompleted)
            .on(PaymentPlanBroken.class, dunning::onPlanBroken)
            // The hold itself arrives as CreditHoldChanged from scoring; a request changes no
            // figure.
            .on(
                CreditHoldRequested.class,
                e -> LOG.debugf("Credit hold requested for %s", e.customerId()))
            // dunning asking invoicing for a PDF changes no figure
            .on(
                InvoiceDocumentRequested.class,
                e -> LOG.debugf("Invoice document requested for %s", e.invoiceId()))
            .build();
    byTopic =
        Map.of(
            InvoicingEvent.TOPIC, invoicing,
            ScoringEvent.TOPIC, scoring,
            DunningEvent.TOPIC, dunningTable);
  }

  /** Each event under its tenant's lock; the batch's aggregates written after its last event. */
  private EventHandlers.Builder batch() {
    return EventHandlers.builder()
        .beforeEach(e -> lock.exclusive(e.tenantId()))
        .afterBatch(applied -> aggregates.flush());
  }

  /** The handler table of a topic's events. */
  public EventHandlers handlers(String topic) {
    EventHandlers table = byTopic.get(topic);
    if (table == null) {
      throw new IllegalArgumentException("kpi reads no topic " + topic);
    }
    return table;
  }

  /**
   * Applies one event read by a replay, without inbox: the caller holds the tenant's lock,
   * de-duplicates, and ends its replay with {@link AggregateWriter#flush}.
   *
   * @return false when kpi does not handle the type
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean replay(String topic, String eventId, DomainEvent data) {
    return handlers(topic).dispatch(data, eventId);
  }
}
