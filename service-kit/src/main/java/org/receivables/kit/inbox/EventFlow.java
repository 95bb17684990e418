package org.receivables.kit.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.receivables.events.DomainEvent;
import org.receivables.kit.inbox.EventHandlers.Applied;

/**
 * The one path from read records to their handlers, in the caller's transaction: skip what the
 * table does not handle, read, then tenant by tenant (in the order each first appears): bind the
 * tenant, run the per-event hook, de-duplicate the tenant's events through the inbox in one call,
 * and handle them in their order. One inbox statement per tenant and batch instead of one per
 * event; events of one tenant (and so of one key) keep their order, and events of different tenants
 * never depended on each other's. Plain, so that its order is tested without a database; {@link
 * InboxDispatcher} gives it the real inbox and tenant binding.
 */
final class EventFlow {

  private record Read(IncomingEvent event, DomainEvent data) {}

  private final BiFunction<String, List<String>, Set<String>> firstDeliveries;
  private final Consumer<String> bindTenant;

  /**
   * @param firstDeliveries (consumer, event ids) → the ids delivered for the first time, each once,
   *     recording them
   * @param bindTenant binds the transaction to a tenant (row-level security)
   */
  EventFlow(
      BiFunction<String, List<String>, Set<String>> firstDeliveries, Consumer<String> bindTenant) {
    this.firstDeliveries = firstDeliveries;
    this.bindTenant = bindTenant;
  }

  /** With an inbox that records one id at a time: true the first time. */
  static EventFlow oneByOne(
      BiPredicate<String, String> firstDelivery, Consumer<String> bindTenant) {
    return new EventFlow(
        (String consumer, List<String> ids) -> {
          Set<String> first = new LinkedHashSet<>();
          for (String id : ids) {
            if (firstDelivery.test(consumer, id)) {
              first.add(id);
            }
          }
          return first;
        },
        bindTenant);
  }

  /**
   * Applies events tenant by tenant, each in its trace, then the table's batch hook; throws on the
   * first failure.
   */
  void applyAll(String consumer, EventHandlers table, List<IncomingEvent> events) {
    Map<String, List<Read>> byTenant = new LinkedHashMap<>();
    for (IncomingEvent event : events) {
      if (table.handles(event.type())) {
        DomainEvent data = event.read();
        byTenant
            .computeIfAbsent(data.tenantId(), t -> new ArrayList<>())
            .add(new Read(event, data));
      }
    }
    List<Applied> applied = new ArrayList<>(events.size());
    byTenant.forEach(
        (tenant, reads) -> {
          bindTenant.accept(tenant);
          for (Read r : reads) {
            r.event().inItsTrace(() -> table.beforeEach(r.data()));
          }
          Set<String> first =
              new LinkedHashSet<>(
                  firstDeliveries.apply(
                      consumer, reads.stream().map(r -> r.event().id()).toList()));
          for (Read r : reads) {
            if (first.remove(r.event().id())) {
              r.event().inItsTrace(() -> table.dispatch(r.data(), r.event().id()));
              applied.add(new Applied(r.event(), r.data()));
            }
          }
        });
    table.afterBatch(applied);
  }
}
