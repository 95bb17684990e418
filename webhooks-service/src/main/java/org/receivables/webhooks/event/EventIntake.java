package org.receivables.webhooks.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.receivables.events.DomainEvent;
import org.receivables.events.webhook.PayloadJson;
import org.receivables.events.webhook.Payloads;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.webhooks.delivery.DeliveryIds;
import org.receivables.webhooks.delivery.DueSignal;
import org.receivables.webhooks.event.IntakePlan.Delivery;
import org.receivables.webhooks.event.IntakePlan.Received;
import org.receivables.webhooks.event.IntakePlan.Target;

/**
 * Turns internal events into public events and their deliveries, in the consumer's transaction
 * (tenant bound, inbox rows beside them): a delivery exists, durably, before anything is attempted,
 * and an event redelivered by Kafka is skipped by the inbox, so it is never delivered twice as two
 * deliveries. A tenant without any subscription keeps nothing.
 *
 * <p>Set-based: a tenant's events of one polled batch cost a fixed handful of statements (its
 * subscriptions, its customers' sequence numbers, the events, the deliveries, the worker's mark),
 * not several per event and subscription; at 200 events/s the one-by-one statements were what kept
 * deliveries waiting behind the intake. {@link IntakePlan} decides, this class writes.
 *
 * <p>The delivery worker records this service's own events the same way, in the transaction that
 * disabled a subscription: they go to the tenant's other enabled subscriptions (the disabled one is
 * no longer among them).
 */
@ApplicationScoped
public class EventIntake {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject TransactionSynchronizationRegistry transaction;
  @Inject DueSignal due;

  /** One event, in the caller's transaction bound to its tenant. */
  public void record(DomainEvent event, String eventId) {
    recordAll(event.tenantId(), List.of(new Received(event, eventId)));
  }

  /**
   * A tenant's events, in their order, in the caller's transaction bound to {@code tenant}: at most
   * five statements whatever their number.
   */
  void recordAll(String tenant, List<Received> events) {
    List<Target> targets = subscriptions(tenant);
    if (targets.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<PublicEvents.Mapped> mapped =
        IntakePlan.numbered(events, reserveNumbers(tenant, IntakePlan.numbersNeeded(events)));
    Set<String> stored = insertEvents(tenant, mapped, now);
    insertDeliveries(tenant, IntakePlan.deliveries(mapped, stored, targets), now);
  }

  /** A new delivery of a stored event, due now, and its tenant marked for the delivery worker. */
  public void insertDelivery(String tenant, UUID subscriptionId, String eventId, Instant now) {
    insertDeliveries(tenant, subscriptionId, List.of(eventId), now);
  }

  /** New deliveries of stored events to one subscription, due now: a replay. */
  public void insertDeliveries(
      String tenant, UUID subscriptionId, List<String> eventIds, Instant now) {
    insertDeliveries(
        tenant, eventIds.stream().map(e -> new Delivery(subscriptionId, e)).toList(), now);
  }

  /**
   * New deliveries of stored events, due now, in one statement, and the tenant marked for the
   * delivery worker.
   */
  private void insertDeliveries(String tenant, List<Delivery> deliveries, Instant now) {
    if (deliveries.isEmpty()) {
      return;
    }
    String[] ids = new String[deliveries.size()];
    UUID[] subscriptions = new UUID[ids.length];
    String[] events = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = DeliveryIds.next(now);
      subscriptions[i] = deliveries.get(i).subscription();
      events[i] = deliveries.get(i).eventId();
    }
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhook_delivery (id, tenant_id, subscription_id, event_id, status,"
                      + " attempts, next_attempt_at, created_at) select d, ?, s, e, 'PENDING', 0,"
                      + " ?, ? from unnest(?, ?, ?) as x(d, s, e)")) {
            Timestamp at = Timestamp.from(now);
            ps.setString(1, tenant);
            ps.setTimestamp(2, at);
            ps.setTimestamp(3, at);
            ps.setArray(4, c.createArrayOf("text", ids));
            ps.setArray(5, c.createArrayOf("uuid", subscriptions));
            ps.setArray(6, c.createArrayOf("text", events));
            ps.executeUpdate();
          }
          return null;
        });
    markPending(tenant);
  }

  /**
   * Tells the delivery worker the tenant has a delivery due (webhook_pending_tenant), once per
   * transaction and tenant (one queued delivery or many, the worker looks at all of them), and
   * wakes the worker of this replica when the transaction commits.
   */
  public void markPending(String tenant) {
    String key = "webhooks.pending:" + tenant;
    if (transaction.getResource(key) != null) {
      return;
    }
    em.createNativeQuery(
            "insert into webhook_pending_tenant (tenant, marks) values (:t, 1) on conflict (tenant)"
                + " do update set marks = webhook_pending_tenant.marks + 1")
        .setParameter("t", tenant)
        .executeUpdate();
    transaction.putResource(key, Boolean.TRUE);
    transaction.registerInterposedSynchronization(new WakeWorkerOnCommit(due));
  }

  /** Lets the worker attempt the new deliveries right after the commit, not at its next poll. */
  private record WakeWorkerOnCommit(DueSignal due) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        due.raise();
      }
    }
  }

  /** A subscription row; event_types comma-separated. */
  private record SubscriptionRow(UUID id, boolean enabled, String eventTypes) {}

  /** Every subscription of the tenant; none means the tenant keeps no events. */
  private List<Target> subscriptions(String tenant) {
    List<Target> targets = new ArrayList<>();
    for (SubscriptionRow row :
        NamedRows.list(
            em.createNativeQuery(
                    "select id, enabled, array_to_string(event_types, ',') as event_types from"
                        + " webhook_subscription where tenant_id = :t",
                    Tuple.class)
                .setParameter("t", tenant),
            SubscriptionRow.class)) {
      targets.add(
          new Target(row.id(), row.enabled(), Set.copyOf(List.of(row.eventTypes().split(",")))));
    }
    return targets;
  }

  /**
   * Reserves each customer's next numbers in one statement (customers in a fixed order, so that two
   * consumers' batches lock shared rows in the same order); answers each customer's first one.
   */
  private Map<String, Long> reserveNumbers(String tenant, Map<String, Integer> needed) {
    if (needed.isEmpty()) {
      return Map.of();
    }
    String[] customers = needed.keySet().toArray(String[]::new);
    Long[] counts = needed.values().stream().map(Integer::longValue).toArray(Long[]::new);
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhook_customer_sequence (tenant_id, customer_id, last_value)"
                      + " select ?, c, n from unnest(?, ?) as x(c, n) order by c on conflict"
                      + " (tenant_id, customer_id) do update set last_value ="
                      + " webhook_customer_sequence.last_value + excluded.last_value returning"
                      + " customer_id, last_value")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("text", customers));
            ps.setArray(3, c.createArrayOf("bigint", counts));
            Map<String, Long> first = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String customer = rs.getString("customer_id");
                first.put(customer, rs.getLong("last_value") - needed.get(customer) + 1);
              }
            }
            return first;
          }
        });
  }

  /**
   * Stores the public events (the payload as it will be sent, byte for byte) in one statement;
   * answers the ids stored now: one stored already is not delivered again.
   */
  private Set<String> insertEvents(String tenant, List<PublicEvents.Mapped> mapped, Instant now) {
    if (mapped.isEmpty()) {
      return Set.of();
    }
    int n = mapped.size();
    String[] ids = new String[n];
    String[] customers = new String[n];
    Long[] sequences = new Long[n];
    String[] types = new String[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      PublicEvents.Mapped m = mapped.get(i);
      ids[i] = m.id();
      types[i] = m.type();
      payloads[i] = PayloadJson.write(m.type(), now, m.data());
      // a subscription's event has no customer and no sequence
      if (m.data() instanceof Payloads.CustomerData customer) {
        customers[i] = customer.customerId();
        sequences[i] = customer.sequence();
      }
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhook_event (id, tenant_id, customer_id, sequence, type,"
                      + " occurred_at, payload) select id, ?, c, s, ty, ?, p from unnest(?, ?, ?,"
                      + " ?, ?) as x(id, c, s, ty, p) on conflict (id) do nothing returning id")) {
            ps.setString(1, tenant);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, c.createArrayOf("text", ids));
            ps.setArray(4, c.createArrayOf("text", customers));
            ps.setArray(5, c.createArrayOf("bigint", sequences));
            ps.setArray(6, c.createArrayOf("text", types));
            ps.setArray(7, c.createArrayOf("text", payloads));
            Set<String> stored = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                stored.add(rs.getString("id"));
              }
            }
            return stored;
          }
        });
  }

  /** JDBC on the session's connection, after what the session still holds. */
  private <T> T work(ReturningWork<T> work) {
    em.flush();
    return em.unwrap(Session.class).doReturningWork(work);
  }
}
