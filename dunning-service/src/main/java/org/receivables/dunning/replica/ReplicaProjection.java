package org.receivables.dunning.replica;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.receivables.kit.inbox.EventHandlers;

/**
 * Keeps this service's copy of the customers, open invoices and risk classes it chases, from events
 * only (dunning never calls invoicing or scoring): one handler table per topic, applied by the
 * kit's {@code InboxDispatcher} (tenant binding, inbox, dead letters). A payment also settles
 * promises and plans it fulfils, through a {@link ReplicaChange}.
 *
 * <p>The tables are built in {@code @PostConstruct}, on the bean instance itself: a field read
 * through the CDI client proxy would be the proxy's own, never initialised. Callers use {@link
 * #invoicing()} and {@link #scoring()}.
 */
@ApplicationScoped
public class ReplicaProjection {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Event<ReplicaChange> changes;
  @Inject ReplicaWrites writes;

  private EventHandlers invoicing;
  private EventHandlers scoring;

  @PostConstruct
  void init() {
    invoicing =
        EventHandlers.builder()
            .beforeEach(ReplicaProjection::requireTenantAndCustomer)
            .on(CustomerRegistered.class, this::onRegistered)
            .on(CustomerUpdated.class, this::onUpdated)
            .on(CustomerPersonalDataErased.class, this::onErased)
            .on(InvoiceIssued.class, writes::onIssued)
            .onWithId(PaymentReceived.class, this::onPayment)
            .onWithId(PaymentReversed.class, this::onReversal)
            .onWithId(CreditNoteIssued.class, this::onCreditNote)
            .on(InvoiceCancelled.class, this::onCancelled)
            .on(InvoiceWrittenOff.class, writes::onWrittenOff)
            .on(InvoiceDueDateChanged.class, writes::onDueDate)
            .on(DisputeOpened.class, this::onDisputeOpened)
            .on(DisputeResolved.class, this::onDisputeResolved)
            .build();
    scoring =
        EventHandlers.builder()
            .beforeEach(ReplicaProjection::requireTenantAndCustomer)
            .on(
                ScoreChanged.class,
                e ->
                    writes.risk(
                        e.tenantId(),
                        e.customerId(),
                        e.score(),
                        e.riskClass(),
                        e.probabilityOfDefault(),
                        null))
            .on(
                CreditHoldChanged.class,
                e -> writes.risk(e.tenantId(), e.customerId(), null, null, null, e.onHold()))
            .build();
  }

  /** The handler table of {@code receivables.invoicing.v1}. */
  public EventHandlers invoicing() {
    return invoicing;
  }

  /** The handler table of {@code receivables.scoring.v1}. */
  public EventHandlers scoring() {
    return scoring;
  }

  /** Every fact here is a tenant's customer's: an event naming neither is dead-lettered. */
  private static void requireTenantAndCustomer(DomainEvent data) {
    if (data.tenantId() == null || data.tenantId().isBlank() || data.customerId() == null) {
      throw new IllegalArgumentException(
          data.type() + " names no tenant or customer; dunning cannot apply it");
    }
  }

  private void onRegistered(CustomerRegistered e) {
    writes.upsertCustomer(e, null);
  }

  /** The same contact facts as a registration, and the do-not-dun flag only an update carries. */
  private void onUpdated(CustomerUpdated e) {
    writes.upsertCustomer(
        new CustomerRegistered(
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
            e.paymentTerms()),
        e.doNotDun());
  }

  private void onPayment(PaymentReceived e, String eventId) {
    writes.onPayment(e, eventId);
    paid(e.tenantId(), e.customerId(), e.receivedOn());
  }

  private void onReversal(PaymentReversed e, String eventId) {
    writes.onReversal(e, eventId);
  }

  private void onCreditNote(CreditNoteIssued e, String eventId) {
    writes.onCreditNote(e, eventId);
    paid(e.tenantId(), e.customerId(), e.issuedOn());
  }

  private void onCancelled(InvoiceCancelled e) {
    writes.onCancelled(e);
    paid(e.tenantId(), e.customerId(), e.cancelledOn());
  }

  private void paid(String tenant, String customer, LocalDate on) {
    changes.fire(new ReplicaChange.PaymentApplied(tenant, customer, on));
  }

  private void onDisputeOpened(DisputeOpened e) {
    String summary = "Dispute opened on invoice " + writes.onDisputeOpened(e) + ": " + e.reason();
    note(e, "DISPUTE_OPENED", summary, e.disputeId(), e.openedOn());
  }

  private void onDisputeResolved(DisputeResolved e) {
    String summary =
        "Dispute on invoice " + writes.onDisputeResolved(e) + " resolved: " + e.outcome();
    note(e, "DISPUTE_RESOLVED", summary, e.disputeId(), e.resolvedOn());
  }

  /** A line of the customer's case timeline. */
  private void note(DomainEvent e, String kind, String summary, String refId, LocalDate on) {
    changes.fire(
        new ReplicaChange.CaseNote(
            e.tenantId(), e.customerId(), kind, "invoicing", summary, refId, on));
  }

  /** Blanks the customer's contact data here, then lets the holders of other copies follow. */
  private void onErased(CustomerPersonalDataErased e) {
    em.createNativeQuery(
            "update dn_customer set name = null, email = null, phone = null, updated_at = :at"
                + " where tenant_id = :t and customer_id = :c")
        .setParameter("at", Instant.now(clock))
        .setParameter("t", e.tenantId())
        .setParameter("c", e.customerId())
        .executeUpdate();
    changes.fire(new ReplicaChange.PersonalDataErased(e));
  }

  static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
