package org.receivables.scoring.intake;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.receivables.events.CreditHoldRequested;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DunningEscalated;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentPlanBroken;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.PromiseBroken;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.hold.HoldRules;
import org.receivables.scoring.ledger.CustomerRepository;
import org.receivables.scoring.ledger.LedgerRepository;

/**
 * What scoring does with each event it reads: one kit handler table per topic. Each handler applies
 * its facts and marks the customer for a rescore when an input of its score changed ({@link
 * Rescores}); the table rescores the marked customers once, after the batch's last event.
 *
 * <p>The tables are built once, here, and handed out by methods: a field read through this bean's
 * client proxy would see the proxy's own, empty field.
 */
@ApplicationScoped
public class ScoringHandlers {

  @Inject LedgerRepository ledger;
  @Inject CustomerRepository customers;
  @Inject CreditHolds holds;
  @Inject Rescores rescores;

  private EventHandlers invoicing;
  private EventHandlers dunning;

  @PostConstruct
  void tables() {
    invoicing =
        table()
            .onWithId(
                CustomerRegistered.class, (e, id) -> rescores.mark(customers.register(e), e, id))
            .onWithId(CustomerUpdated.class, (e, id) -> rescores.mark(customers.update(e), e, id))
            .on(CustomerPersonalDataErased.class, customers::erasePersonalData)
            .onWithId(InvoiceIssued.class, ledger::issue)
            .onWithId(PaymentReceived.class, (e, id) -> rescores.mark(ledger.pay(e), e, id))
            .onWithId(PaymentReversed.class, (e, id) -> rescores.mark(ledger.reverse(e), e, id))
            .onWithId(CreditNoteIssued.class, (e, id) -> rescores.mark(ledger.credit(e), e, id))
            .onWithId(InvoiceWrittenOff.class, this::onWrittenOff)
            .onWithId(InvoiceCancelled.class, (e, id) -> rescores.mark(ledger.cancel(e), e, id))
            .onWithId(
                InvoiceDueDateChanged.class, (e, id) -> rescores.mark(ledger.moveDueDate(e), e, id))
            .onWithId(DisputeOpened.class, (e, id) -> rescores.mark(ledger.openDispute(e), e, id))
            .onWithId(
                DisputeResolved.class, (e, id) -> rescores.mark(ledger.resolveDispute(e), e, id))
            .build();
    dunning =
        table()
            .onWithId(PromiseBroken.class, this::onPromiseBroken)
            .onWithId(PaymentPlanBroken.class, this::onPlanBroken)
            .onWithId(DunningEscalated.class, this::onEscalated)
            .on(CreditHoldRequested.class, this::onHoldRequested)
            .build();
  }

  /** The table of {@code receivables.invoicing.v1}. */
  public EventHandlers invoicing() {
    return invoicing;
  }

  /** The table of {@code receivables.dunning.v1}. */
  public EventHandlers dunning() {
    return dunning;
  }

  private EventHandlers.Builder table() {
    return EventHandlers.builder().afterBatch(rescores::rescore);
  }

  private void onWrittenOff(InvoiceWrittenOff e, String eventId) {
    if (e.amount() == null) {
      // the contract leaves it optional; scoring cannot weigh a loss of unknown size
      throw new IllegalArgumentException("InvoiceWrittenOff without amount: scoring needs it");
    }
    rescores.mark(ledger.writeOff(e), e, eventId);
  }

  private void onPromiseBroken(PromiseBroken e, String eventId) {
    ledger.collectionEvent(
        e.tenantId(), e.customerId(), LedgerRepository.PROMISE_BROKEN, e.promiseId(), e.brokenOn());
    rescores.mark(true, e, eventId);
  }

  private void onPlanBroken(PaymentPlanBroken e, String eventId) {
    ledger.collectionEvent(
        e.tenantId(), e.customerId(), LedgerRepository.PLAN_BROKEN, e.planId(), e.brokenOn());
    rescores.mark(true, e, eventId);
  }

  private void onEscalated(DunningEscalated e, String eventId) {
    ledger.collectionEvent(
        e.tenantId(), e.customerId(), LedgerRepository.ESCALATED, e.action(), e.escalatedOn());
    rescores.mark(true, e, eventId);
  }

  /** A hold request is acted on, not scored: no rescore. */
  private void onHoldRequested(CreditHoldRequested e) {
    ledger.collectionEvent(
        e.tenantId(), e.customerId(), LedgerRepository.HOLD_REQUESTED, null, e.requestedOn());
    holds.set(
        e.tenantId(),
        e.customerId(),
        true,
        e.reason() == null ? "Requested by dunning" : "Requested by dunning: " + e.reason(),
        HoldRules.DUNNING);
  }
}
