package org.receivables.kit.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.receivables.events.DomainEvent;
import org.receivables.kit.inbox.EventHandlers.Applied;

/**
 * The one path from a read record to its handler, in the caller's transaction: skip what the table
 * does not handle, read, bind the tenant, de-duplicate through the inbox, handle. Plain, so that
 * its order is tested without a database; {@link InboxDispatcher} gives it the real inbox and
 * tenant binding.
 */
final class EventFlow {

  private final BiPredicate<String, String> firstDelivery;
  private final Consumer<String> bindTenant;

  /**
   * @param firstDelivery (consumer, event id) → true the first time, recording it
   * @param bindTenant binds the transaction to a tenant (row-level security)
   */
  EventFlow(BiPredicate<String, String> firstDelivery, Consumer<String> bindTenant) {
    this.firstDelivery = firstDelivery;
    this.bindTenant = bindTenant;
  }

  /** Applies one event; empty when it was skipped (unhandled type or redelivery). */
  Optional<Applied> apply(String consumer, EventHandlers table, IncomingEvent event) {
    if (!table.handles(event.type())) {
      return Optional.empty();
    }
    DomainEvent data = event.read();
    bindTenant.accept(data.tenantId());
    table.beforeEach(data);
    if (!firstDelivery.test(consumer, event.id())) {
      return Optional.empty();
    }
    table.dispatch(data, event.id());
    return Optional.of(new Applied(event, data));
  }

  /**
   * Applies events in order, each in its trace, then the table's batch hook; throws on the first
   * failure.
   */
  void applyAll(String consumer, EventHandlers table, List<IncomingEvent> events) {
    List<Applied> applied = new ArrayList<>(events.size());
    for (IncomingEvent event : events) {
      event.inItsTrace(() -> apply(consumer, table, event).ifPresent(applied::add));
    }
    table.afterBatch(applied);
  }
}
