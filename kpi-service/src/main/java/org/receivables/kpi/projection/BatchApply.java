package org.receivables.kpi.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;

/**
 * Applies a polled batch set-based, tenant by tenant: one inbox statement for the tenant's events,
 * one read of every invoice they move, the handlers in event order (in memory: issued invoices and
 * movements are only collected), then the tenant's writes at once ({@link AggregateWriter#flush}).
 * A batch of a thousand invoices or payments thus costs a handful of statements instead of four or
 * five per event.
 *
 * <p>The live consumers apply each tenant's part in its own transaction ({@link #applyEachTenant}):
 * the tenant's lock ({@link TenantLock}) is taken right before its first statement and, like any
 * PostgreSQL transaction lock, held to that commit, so it covers that tenant's handful of
 * statements, not the whole batch nor the other tenants' parts. It cannot be released earlier: a
 * snapshot read under the shared lock must not see the tenant's part half-applied nor be stored
 * after the part deleted it, and the invoices read at the start are written back absolute. When a
 * part cannot be applied whole, the kit applies the batch again in halves, down to single records
 * ({@link org.receivables.kit.inbox.InboxDispatcher}): the record that fails alone is
 * dead-lettered; parts committed before are skipped by the inbox.
 */
@ApplicationScoped
public class BatchApply {

  /** The events whose handler reads their invoice (their subject), read together per batch. */
  private static final Set<Class<? extends DomainEvent>> READS_INVOICE =
      Set.of(
          PaymentReceived.class,
          PaymentReversed.class,
          CreditNoteIssued.class,
          InvoiceCancelled.class,
          InvoiceWrittenOff.class,
          InvoiceDueDateChanged.class,
          DisputeOpened.class,
          DisputeResolved.class);

  private record Read(IncomingEvent event, DomainEvent data) {}

  @Inject Inbox inbox;
  @Inject TenantScope tenants;
  @Inject TenantLock lock;
  @Inject AggregateWriter aggregates;

  /** Applies the events in the caller's transaction: all of them or, by throwing, none. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void applyAll(String consumer, EventHandlers table, List<IncomingEvent> events) {
    byTenant(table, events).forEach((tenant, reads) -> apply(consumer, table, tenant, reads));
  }

  /**
   * Applies each tenant's events in a transaction of its own, tenants in sorted order: each part
   * all or, by throwing, none (the parts committed before stay, and a redelivery skips them).
   */
  public void applyEachTenant(String consumer, EventHandlers table, List<IncomingEvent> events) {
    byTenant(table, events)
        .forEach(
            (tenant, reads) ->
                QuarkusTransaction.requiringNew().run(() -> apply(consumer, table, tenant, reads)));
  }

  private static Map<String, List<Read>> byTenant(EventHandlers table, List<IncomingEvent> events) {
    Map<String, List<Read>> byTenant = new TreeMap<>();
    for (IncomingEvent event : events) {
      if (table.handles(event.type())) {
        DomainEvent data = event.read();
        byTenant
            .computeIfAbsent(data.tenantId(), t -> new ArrayList<>())
            .add(new Read(event, data));
      }
    }
    return byTenant;
  }

  private void apply(String consumer, EventHandlers table, String tenant, List<Read> reads) {
    tenants.bindTransaction(tenant);
    lock.exclusive(tenant);
    Set<String> first =
        inbox.firstDeliveries(consumer, reads.stream().map(r -> r.event().id()).toList());
    List<Read> applied = reads.stream().filter(r -> first.contains(r.event().id())).toList();
    PendingInvoices invoices = aggregates.pending().invoices;
    applied.stream()
        .filter(r -> READS_INVOICE.contains(r.data().getClass()))
        .forEach(r -> invoices.expect(UUID.fromString(r.data().subject())));
    applied.stream()
        .filter(r -> r.data() instanceof InvoiceDueDateChanged)
        .forEach(r -> invoices.expectEntries(UUID.fromString(r.data().subject())));
    for (Read r : applied) {
      if (first.remove(r.event().id())) {
        r.event().inItsTrace(() -> table.dispatch(r.data(), r.event().id()));
      }
    }
    // Written while this tenant is bound: row-level security checks each row's tenant.
    aggregates.flush();
  }
}
