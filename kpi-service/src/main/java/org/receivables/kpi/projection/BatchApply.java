package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.receivables.events.DomainEvent;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;

/**
 * Applies a polled batch set-based, tenant by tenant: one inbox statement for the tenant's events,
 * the handlers in event order (issued invoices are only collected), then the tenant's writes at
 * once ({@link AggregateWriter#flush}). A bulk import's batch of a thousand invoices thus costs a
 * handful of statements instead of five per invoice.
 *
 * <p>The tenant's lock is taken right before its first statement and, like any PostgreSQL
 * transaction lock, held to the commit: a snapshot read under the shared lock must not see the
 * batch half-applied nor be stored after the batch deleted it. The lock no longer spans the batch's
 * parsing, and tenants are locked in sorted order, so the three consumers never wait on each other
 * in a cycle. Per record (the kit's path, {@link org.receivables.kit.inbox.InboxDispatcher}) stays
 * the fallback when a batch cannot be applied whole: that record alone is dead-lettered.
 */
@ApplicationScoped
public class BatchApply {

  private record Read(IncomingEvent event, DomainEvent data) {}

  @Inject Inbox inbox;
  @Inject TenantScope tenants;
  @Inject TenantLock lock;
  @Inject AggregateWriter aggregates;

  /** Applies the events in the caller's transaction: all of them or, by throwing, none. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void applyAll(String consumer, EventHandlers table, List<IncomingEvent> events) {
    Map<String, List<Read>> byTenant = new TreeMap<>();
    for (IncomingEvent event : events) {
      if (table.handles(event.type())) {
        DomainEvent data = event.read();
        byTenant
            .computeIfAbsent(data.tenantId(), t -> new ArrayList<>())
            .add(new Read(event, data));
      }
    }
    byTenant.forEach((tenant, reads) -> apply(consumer, table, tenant, reads));
  }

  private void apply(String consumer, EventHandlers table, String tenant, List<Read> reads) {
    tenants.bindTransaction(tenant);
    lock.exclusive(tenant);
    Set<String> first =
        inbox.firstDeliveries(consumer, reads.stream().map(r -> r.event().id()).toList());
    for (Read r : reads) {
      if (first.remove(r.event().id())) {
        r.event().inItsTrace(() -> table.dispatch(r.data(), r.event().id()));
      }
    }
    // Written while this tenant is bound: row-level security checks each row's tenant.
    aggregates.flush();
  }
}
