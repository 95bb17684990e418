package org.receivables.kit.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;

/**
 * A consumer's table of handlers, one line per event type it uses ({@code on(InvoiceIssued.class,
 * this::onIssued)}), instead of an {@code instanceof} chain: what a service does with each event
 * reads as a list, and a type it does not list is, by one rule for every service, not its business.
 *
 * <p>The rules the table applies (docs/events.md, Consuming events):
 *
 * <ul>
 *   <li>An unhandled type, whether of the contract or not (a newer producer's), is skipped: no
 *       tenant binding, no inbox row, no handler.
 *   <li>A handled type is applied at most once per consumer: bound to its tenant, recorded in the
 *       inbox in the same transaction as the handler's change ({@link InboxDispatcher}).
 *   <li>A handler that cannot apply its event throws; the record is then dead-lettered with the
 *       reason and nothing of it is kept (its inbox row included), so it can be replayed. An event
 *       about an invoice the consumer has never seen is such a case: the handler throws {@link
 *       org.receivables.kit.replica.UnknownInvoiceException}, never skips it silently.
 * </ul>
 *
 * <p>Immutable once built; build it once per consumer (in a bean's {@code @PostConstruct}, or a
 * field initialiser) and share it.
 */
public final class EventHandlers {

  /** A handler with the event's id, for rows keyed by event (ledger entries, movements). */
  @FunctionalInterface
  public interface Handler<E> {
    void handle(E data, String eventId);
  }

  /** An event the table applied (a first delivery of a handled type), in batch order. */
  public record Applied(IncomingEvent event, DomainEvent data) {}

  private final Map<String, Handler<DomainEvent>> byType;
  private final Consumer<DomainEvent> beforeEach;
  private final Consumer<List<Applied>> afterBatch;

  private EventHandlers(Builder builder) {
    this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(builder.byType));
    this.beforeEach = builder.beforeEach;
    this.afterBatch = builder.afterBatch;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the table has a handler for this CloudEvent type. */
  public boolean handles(String type) {
    return byType.containsKey(type);
  }

  /** The CloudEvent types the table handles, in the order they were listed. */
  public Set<String> types() {
    return byType.keySet();
  }

  /**
   * Hands already read data to its handler, without inbox or tenant binding: for work that
   * de-duplicates by itself, such as a projection rebuild replaying stored events.
   *
   * @return false when the type is not handled (nothing was done)
   */
  public boolean dispatch(DomainEvent data, String eventId) {
    Handler<DomainEvent> handler = byType.get(data.type());
    if (handler == null) {
      return false;
    }
    handler.handle(data, eventId);
    return true;
  }

  /** Runs the table's per-event hook: after the tenant is bound, before the inbox is consulted. */
  void beforeEach(DomainEvent data) {
    beforeEach.accept(data);
  }

  /** Runs the table's batch hook in the batch's transaction, after its last event. */
  void afterBatch(List<Applied> applied) {
    if (!applied.isEmpty()) {
      afterBatch.accept(List.copyOf(applied));
    }
  }

  /** Lists the handlers; each type at most once. */
  public static final class Builder {

    private final Map<String, Handler<DomainEvent>> byType = new LinkedHashMap<>();
    private Consumer<DomainEvent> beforeEach = data -> {};
    private Consumer<List<Applied>> afterBatch = applied -> {};

    private Builder() {}

    /** Handles {@code type} with {@code handler}. */
    public <E extends DomainEvent> Builder on(Class<E> type, Consumer<? super E> handler) {
      Objects.requireNonNull(handler, "handler");
      return onWithId(type, (data, eventId) -> handler.accept(data));
    }

    /** Handles {@code type} with a handler that also gets the event's id. */
    public <E extends DomainEvent> Builder onWithId(Class<E> type, Handler<? super E> handler) {
      Objects.requireNonNull(handler, "handler");
      String name = EventJson.typeOf(type); // refuses a class that is not a record of the contract
      if (byType.containsKey(name)) {
        throw new IllegalStateException(type.getSimpleName() + " has two handlers");
      }
      byType.put(name, (data, eventId) -> handler.handle(type.cast(data), eventId));
      return this;
    }

    /**
     * Runs {@code hook} before each handled event, bound to its tenant and before the inbox: a lock
     * that orders the tenant's writes, for instance.
     */
    public Builder beforeEach(Consumer<? super DomainEvent> hook) {
      Objects.requireNonNull(hook, "hook");
      this.beforeEach = hook::accept;
      return this;
    }

    /**
     * Runs {@code hook} once per applied batch (or single record), in its transaction, with the
     * events it applied: work merged per batch, such as one rescore per customer for a thousand
     * invoices. Not run when nothing was applied.
     */
    public Builder afterBatch(Consumer<List<Applied>> hook) {
      Objects.requireNonNull(hook, "hook");
      this.afterBatch = hook;
      return this;
    }

    public EventHandlers build() {
      if (byType.isEmpty()) {
        throw new IllegalStateException("a handler table needs at least one handler");
      }
      return new EventHandlers(this);
    }
  }
}
