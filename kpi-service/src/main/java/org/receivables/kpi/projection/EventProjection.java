package org.receivables.kpi.projection;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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

/**
 * Applies every event of the three topics to the KPI tables. The live consumers and the rebuild
 * share {@link #project}: the figures depend only on the events and their order per key, never on
 * when they were read. A live event is applied bound to its tenant (row-level security).
 */
@ApplicationScoped
public class EventProjection {

  private static final Logger LOG = Logger.getLogger(EventProjection.class);

  @Inject Inbox inbox;
  @Inject TenantLock lock;
  @Inject TenantScope tenants;
  @Inject InvoiceEvents invoices;
  @Inject CustomerEvents customers;
  @Inject DunningEvents dunning;

  private final Map<Class<? extends DomainEvent>, BiConsumer<String, DomainEvent>> handlers =
      new HashMap<>();

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
    BiConsumer<String, DomainEvent> handler = handlers.get(data.getClass());
    if (handler == null) {
      LOG.debugf("No KPI uses %s", data.type());
      return;
    }
    handler.accept(eventId, data);
  }

  /** Which handler applies which event type: one line per type, no instanceof chain. */
  @PostConstruct
  void handlers() {
    on(InvoiceIssued.class, invoices::onIssued);
    on(PaymentReceived.class, invoices::onPayment);
    on(PaymentReversed.class, invoices::onReversal);
    on(CreditNoteIssued.class, invoices::onCreditNote);
    on(InvoiceCancelled.class, invoices::onCancelled);
    on(InvoiceWrittenOff.class, invoices::onWrittenOff);
    on(InvoiceDueDateChanged.class, (id, e) -> invoices.onDueDateChanged(e));
    on(DisputeOpened.class, (id, e) -> invoices.onDisputeOpened(e));
    on(DisputeResolved.class, (id, e) -> invoices.onDisputeResolved(e));
    on(CustomerRegistered.class, (id, e) -> customers.onRegistered(e));
    on(CustomerUpdated.class, (id, e) -> customers.onUpdated(e));
    on(CustomerPersonalDataErased.class, (id, e) -> customers.onErased(e));
    on(CreditHoldChanged.class, (id, e) -> customers.onCreditHold(e));
    on(ScoreChanged.class, (id, e) -> customers.onScore(e));
    on(ReminderSent.class, (id, e) -> dunning.onReminder(e));
    on(DunningEscalated.class, dunning::onEscalation);
    on(PromiseMade.class, (id, e) -> dunning.onPromise(e));
    on(PromiseKept.class, (id, e) -> dunning.onPromiseKept(e));
    on(PromiseBroken.class, (id, e) -> dunning.onPromiseBroken(e));
    on(PaymentPlanAgreed.class, (id, e) -> dunning.onPlan(e));
    on(PaymentPlanCompleted.class, (id, e) -> dunning.onPlanCompleted(e));
    on(PaymentPlanBroken.class, (id, e) -> dunning.onPlanBroken(e));
    // The hold itself arrives as CreditHoldChanged from scoring; a request changes no figure.
    on(
        CreditHoldRequested.class,
        (id, e) -> LOG.debugf("Credit hold requested for %s", e.customerId()));
  }

  private <E extends DomainEvent> void on(Class<E> type, BiConsumer<String, E> handler) {
    handlers.put(type, (id, e) -> handler.accept(id, type.cast(e)));
  }
}
