package org.receivables.webhooks.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.receivables.events.DomainEvent;

/**
 * What one tenant's events of a polled batch become, worked out in memory so that {@link
 * EventIntake} writes them with a few set-based statements instead of several per event: how many
 * sequence numbers each customer needs (reserved in one statement), the public events numbered in
 * the batch's order (so a customer's numbers follow the topic's order, as one at a time did), and
 * the deliveries of the events actually stored, one per subscription that asked for the type.
 * Plain, tested without a database.
 */
final class IntakePlan {

  /** An internal event and its CloudEvent id, as consumed. */
  record Received(DomainEvent event, String id) {}

  /** A subscription of the tenant; only an enabled one gets deliveries. */
  record Target(UUID id, boolean enabled, Set<String> types) {}

  /** One delivery to queue: the event to the subscription. */
  record Delivery(UUID subscription, String eventId) {}

  private IntakePlan() {}

  /** The sequence numbers each customer's public events take, customers in a stable order. */
  static Map<String, Integer> numbersNeeded(List<Received> events) {
    Map<String, Integer> needed = new LinkedHashMap<>();
    for (Received r : events) {
      PublicEvents.map(
          r.event(),
          r.id(),
          () -> {
            needed.merge(r.event().customerId(), 1, Integer::sum);
            return 0;
          });
    }
    return needed;
  }

  /**
   * The public events in batch order, each customer's numbered on from {@code firstNumber} (the
   * first number reserved for it), one after another as {@link PublicEvents#map} asks.
   */
  static List<PublicEvents.Mapped> numbered(List<Received> events, Map<String, Long> firstNumber) {
    Map<String, Long> next = new HashMap<>(firstNumber);
    List<PublicEvents.Mapped> out = new ArrayList<>(events.size());
    for (Received r : events) {
      String customer = r.event().customerId();
      out.addAll(
          PublicEvents.map(
              r.event(),
              r.id(),
              () -> {
                Long n = next.get(customer);
                if (n == null) {
                  throw new IllegalStateException("no number reserved for customer " + customer);
                }
                next.put(customer, n + 1);
                return n;
              }));
    }
    return out;
  }

  /**
   * The deliveries of the stored events (one already stored by an earlier batch gets none), in
   * event order, to every enabled subscription that asked for the type.
   */
  static List<Delivery> deliveries(
      List<PublicEvents.Mapped> events, Set<String> stored, List<Target> targets) {
    List<Delivery> out = new ArrayList<>();
    for (PublicEvents.Mapped m : events) {
      if (!stored.contains(m.id())) {
        continue;
      }
      for (Target t : targets) {
        if (t.enabled() && t.types().contains(m.type())) {
          out.add(new Delivery(t.id(), m.id()));
        }
      }
    }
    return out;
  }
}
