package org.receivables.scoring.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.receivables.events.CreditHoldRequested;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.DunningEscalated;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentPlanBroken;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.PromiseBroken;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.hold.HoldRules;
import org.receivables.scoring.ledger.CustomerRepository;
import org.receivables.scoring.ledger.LedgerRepository;
import org.receivables.scoring.score.ScoreService;

/**
 * Applies invoicing and dunning events to the replica and rescores the customer, all in one
 * transaction with the inbox record: a redelivered event changes nothing, and a score never
 * reflects half an event.
 *
 * <p>Types scoring does not use are skipped. Data that cannot be read, or lacks its tenant or
 * customer, is thrown back so that the channel parks it on the dead-letter topic. Each event, and
 * each rescore, runs bound to its tenant (row-level security), as a request would.
 */
@ApplicationScoped
public class LedgerEvents {

  static final String INVOICING = "scoring.invoicing";
  static final String DUNNING = "scoring.dunning";
  private static final Logger LOG = Logger.getLogger(LedgerEvents.class);

  @Inject Inbox inbox;
  @Inject LedgerRepository ledger;
  @Inject CustomerRepository customers;
  @Inject CreditHolds holds;
  @Inject ScoreService scores;
  @Inject TenantScope tenants;

  @Transactional
  public void apply(String consumer, IncomingEvent event) {
    DomainEvent data = applyFacts(consumer, event);
    if (data != null) {
      scores.recompute(data.tenantId(), data.customerId(), event.type());
    }
  }

  /**
   * Applies a polled batch in one transaction, all of it or (by throwing) none, and rescores each
   * customer it touched once, after all its events: a bulk import of a thousand invoices for a
   * hundred customers is a hundred rescores, not a thousand.
   */
  @Transactional
  public void applyAll(String consumer, List<IncomingEvent> events) {
    // each customer's rescore runs in the trace of the last event that touched it
    Map<List<String>, IncomingEvent> touched = new LinkedHashMap<>();
    for (IncomingEvent event : events) {
      event.inItsTrace(
          () -> {
            DomainEvent data = applyFacts(consumer, event);
            if (data != null) {
              touched.put(List.of(data.tenantId(), data.customerId()), event);
            }
          });
    }
    touched.forEach(
        (customer, last) ->
            last.inItsTrace(
                () -> {
                  tenants.bindTransaction(customer.get(0));
                  scores.recompute(customer.get(0), customer.get(1), last.type());
                }));
  }

  /**
   * Applies one event's facts, at most once; returns its data when the customer must be rescored,
   * null when nothing scoring looks at changed.
   */
  private DomainEvent applyFacts(String consumer, IncomingEvent event) {
    if (!event.isKnown()) {
      LOG.debugf("Skipping event type %s, not one scoring uses", event.type());
      return null;
    }
    DomainEvent data = event.read();
    if (blank(data.tenantId()) || blank(data.customerId())) {
      throw new EventJson.MalformedEventException(
          event.type(), new IllegalArgumentException("tenantId and customerId are required"));
    }
    tenants.bindTransaction(data.tenantId());
    if (!inbox.firstDelivery(consumer, event.id())) {
      return null;
    }
    return changesFacts(data) ? data : null;
  }

  /** Applies one event; false when it changed nothing scoring looks at. */
  private boolean changesFacts(DomainEvent data) {
    if (data instanceof CustomerRegistered e) {
      customers.register(e);
      return true;
    } else if (data instanceof CustomerUpdated e) {
      customers.update(e);
      return true;
    } else if (data instanceof CustomerPersonalDataErased e) {
      customers.erasePersonalData(e);
      return false;
    } else if (data instanceof InvoiceIssued e) {
      require(e.invoiceId(), e.issueDate(), e.dueDate(), e.totalInclTax(), e.currency());
      ledger.issue(e);
      return true;
    } else if (data instanceof PaymentReceived e) {
      require(e.invoiceId(), e.amount(), e.receivedOn());
      return skipUnknown(ledger.pay(e), e);
    } else if (data instanceof PaymentReversed e) {
      require(e.invoiceId(), e.reversedOn());
      return skipUnknown(ledger.reverse(e), e);
    } else if (data instanceof CreditNoteIssued e) {
      require(e.invoiceId(), e.amount(), e.issuedOn());
      return skipUnknown(ledger.credit(e), e);
    } else if (data instanceof InvoiceWrittenOff e) {
      require(e.invoiceId(), e.amount(), e.writtenOffOn());
      return skipUnknown(ledger.writeOff(e), e);
    } else if (data instanceof InvoiceCancelled e) {
      require(e.invoiceId(), e.cancelledOn());
      return skipUnknown(ledger.cancel(e), e);
    } else if (data instanceof InvoiceDueDateChanged e) {
      require(e.invoiceId(), e.dueDate());
      return skipUnknown(ledger.moveDueDate(e), e);
    } else if (data instanceof DisputeOpened e) {
      require(e.invoiceId(), e.disputeId(), e.openedOn());
      ledger.openDispute(e);
      return true;
    } else if (data instanceof DisputeResolved e) {
      require(e.disputeId(), e.resolvedOn());
      return skipUnknown(ledger.resolveDispute(e), e);
    } else if (data instanceof PromiseBroken e) {
      require(e.brokenOn());
      ledger.collectionEvent(
          e.tenantId(),
          e.customerId(),
          LedgerRepository.PROMISE_BROKEN,
          e.promiseId(),
          e.brokenOn());
      return true;
    } else if (data instanceof PaymentPlanBroken e) {
      require(e.brokenOn());
      ledger.collectionEvent(
          e.tenantId(), e.customerId(), LedgerRepository.PLAN_BROKEN, e.planId(), e.brokenOn());
      return true;
    } else if (data instanceof DunningEscalated e) {
      require(e.escalatedOn());
      ledger.collectionEvent(
          e.tenantId(), e.customerId(), LedgerRepository.ESCALATED, e.action(), e.escalatedOn());
      return true;
    } else if (data instanceof CreditHoldRequested e) {
      require(e.requestedOn());
      ledger.collectionEvent(
          e.tenantId(), e.customerId(), LedgerRepository.HOLD_REQUESTED, null, e.requestedOn());
      holds.set(
          e.tenantId(),
          e.customerId(),
          true,
          e.reason() == null ? "Requested by dunning" : "Requested by dunning: " + e.reason(),
          HoldRules.DUNNING);
      return false;
    }
    return false;
  }

  private static boolean skipUnknown(boolean applied, DomainEvent e) {
    if (!applied) {
      LOG.infof(
          "Skipping %s for %s in tenant %s: the invoice or dispute was never seen",
          e.type(), e.subject(), e.tenantId());
    }
    return applied;
  }

  private static void require(Object... values) {
    for (Object v : values) {
      if (v == null || (v instanceof String s && s.isBlank())) {
        throw new IllegalArgumentException("A field scoring needs is missing");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
