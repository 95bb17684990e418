package org.receivables.dunning.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.ScoreChanged;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;

/**
 * Keeps this service's copy of the customers, open invoices and risk classes it chases, from events
 * only (dunning never calls invoicing or scoring). Each event is applied at most once: its id goes
 * into the inbox in the same transaction as the change. A payment also settles promises and plans
 * it fulfils. Each event is applied bound to its tenant (row-level security), as a request would
 * be.
 */
@ApplicationScoped
public class ReplicaProjection {

  private static final Logger LOG = Logger.getLogger(ReplicaProjection.class);

  @Inject EntityManager em;
  @Inject Inbox inbox;
  @Inject Clock clock;
  @Inject Event<ReplicaChange> changes;
  @Inject ReplicaWrites writes;
  @Inject TenantScope tenants;

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
    if (data.tenantId() == null || data.tenantId().isBlank() || data.customerId() == null) {
      throw new IllegalArgumentException("event " + event.id() + " names no tenant or customer");
    }
    tenants.bindTransaction(data.tenantId());
    if (!inbox.firstDelivery(consumer, event.id())) {
      return;
    }
    if (data instanceof CustomerRegistered e) {
      writes.upsertCustomer(
          e.tenantId(),
          e.customerId(),
          e.externalRef(),
          e.name(),
          e.country(),
          e.currency(),
          e.language(),
          e.email(),
          e.phone(),
          e.segment(),
          null,
          null);
    } else if (data instanceof CustomerUpdated e) {
      writes.upsertCustomer(
          e.tenantId(),
          e.customerId(),
          e.externalRef(),
          e.name(),
          e.country(),
          e.currency(),
          e.language(),
          e.email(),
          e.phone(),
          e.segment(),
          e.doNotDun(),
          null); // the hold is scoring's fact (CreditHoldChanged), no longer echoed here
    } else if (data instanceof CustomerPersonalDataErased e) {
      eraseCustomer(e);
    } else if (data instanceof InvoiceIssued e) {
      writes.onIssued(e);
    } else if (data instanceof PaymentReceived e) {
      writes.movement(
          event.id(),
          e.tenantId(),
          e.invoiceId(),
          "PAYMENT",
          e.receivedOn(),
          e.amount().add(ReplicaWrites.orZero(e.discountGranted())));
      writes.balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
      changes.fire(new ReplicaChange.PaymentApplied(e.tenantId(), e.customerId(), e.receivedOn()));
    } else if (data instanceof PaymentReversed e) {
      writes.movement(
          event.id(), e.tenantId(), e.invoiceId(), "REVERSAL", e.reversedOn(), e.amount().negate());
      writes.balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
    } else if (data instanceof CreditNoteIssued e) {
      writes.movement(
          event.id(), e.tenantId(), e.invoiceId(), "CREDIT_NOTE", e.issuedOn(), e.amount());
      writes.balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
      changes.fire(new ReplicaChange.PaymentApplied(e.tenantId(), e.customerId(), e.issuedOn()));
    } else if (data instanceof InvoiceCancelled e) {
      writes.balance(e.tenantId(), e.invoiceId(), BigDecimal.ZERO, "CANCELLED");
      changes.fire(new ReplicaChange.PaymentApplied(e.tenantId(), e.customerId(), e.cancelledOn()));
    } else if (data instanceof InvoiceWrittenOff e) {
      writes.balance(
          e.tenantId(), e.invoiceId(), ReplicaWrites.orZero(e.outstanding()), "WRITTEN_OFF");
    } else if (data instanceof InvoiceDueDateChanged e) {
      writes.dueDate(e);
    } else if (data instanceof DisputeOpened e) {
      writes.disputed(e.tenantId(), e.invoiceId(), true);
      note(
          e.tenantId(),
          e.customerId(),
          "DISPUTE_OPENED",
          "invoicing",
          "Dispute opened on invoice "
              + writes.number(e.tenantId(), e.invoiceId())
              + ": "
              + e.reason(),
          e.disputeId(),
          e.openedOn());
    } else if (data instanceof DisputeResolved e) {
      writes.disputed(e.tenantId(), e.invoiceId(), false);
      note(
          e.tenantId(),
          e.customerId(),
          "DISPUTE_RESOLVED",
          "invoicing",
          "Dispute on invoice "
              + writes.number(e.tenantId(), e.invoiceId())
              + " resolved: "
              + e.outcome(),
          e.disputeId(),
          e.resolvedOn());
    } else if (data instanceof ScoreChanged e) {
      writes.risk(
          e.tenantId(), e.customerId(), e.score(), e.riskClass(), e.probabilityOfDefault(), null);
    } else if (data instanceof CreditHoldChanged e) {
      writes.risk(e.tenantId(), e.customerId(), null, null, null, e.onHold());
    } else {
      LOG.debugf("Dunning does not use %s", data.type());
    }
  }

  private void note(
      String tenant,
      String customer,
      String kind,
      String actor,
      String summary,
      String refId,
      LocalDate on) {
    changes.fire(new ReplicaChange.CaseNote(tenant, customer, kind, actor, summary, refId, on));
  }

  /** Blanks the customer's contact data here, then lets the holders of other copies follow. */
  private void eraseCustomer(CustomerPersonalDataErased e) {
    em.createNativeQuery(
            "update dn_customer set name = null, email = null, phone = null, updated_at = :at"
                + " where tenant_id = :t and customer_id = :c")
        .setParameter("at", Instant.now(clock))
        .setParameter("t", e.tenantId())
        .setParameter("c", e.customerId())
        .executeUpdate();
    changes.fire(new ReplicaChange.PersonalDataErased(e));
  }
}
