package org.receivables.webhooks.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.receivables.events.DomainEvent;
import org.receivables.events.webhook.PayloadJson;
import org.receivables.events.webhook.Payloads;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.webhooks.delivery.DeliveryIds;
import org.receivables.webhooks.delivery.DueSignal;

/**
 * Turns an internal event into public events and their deliveries, in the consumer's transaction
 * (tenant bound, inbox row beside it): a delivery exists, durably, before anything is attempted,
 * and an event redelivered by Kafka is skipped by the inbox, so it is never delivered twice as two
 * deliveries. A tenant without any subscription keeps nothing.
 *
 * <p>The delivery worker records this service's own events the same way, in the transaction that
 * disabled a subscription: they go to the tenant's other enabled subscriptions (the disabled one is
 * no longer among them).
 */
@ApplicationScoped
public class EventIntake {

  /** An enabled subscription and the types it asked for, comma-separated. */
  record Target(UUID id, String eventTypes) {
    boolean wants(String type) {
      return List.of(eventTypes.split(",")).contains(type);
    }
  }

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject TransactionSynchronizationRegistry transaction;
  @Inject DueSignal due;

  public void record(DomainEvent event, String eventId) {
    String tenant = event.tenantId();
    List<Target> targets =
        NamedRows.list(
            em.createNativeQuery(
                    "select id, array_to_string(event_types, ',') as event_types from"
                        + " webhook_subscription where tenant_id = :t and enabled",
                    Tuple.class)
                .setParameter("t", tenant),
            Target.class);
    if (targets.isEmpty() && !hasSubscriptions(tenant)) {
      return;
    }
    Instant now = clock.instant();
    for (PublicEvents.Mapped m :
        PublicEvents.map(event, eventId, () -> nextSequence(tenant, event.customerId()))) {
      String payload = PayloadJson.write(m.type(), now, m.data());
      // a subscription's event has no customer and no sequence: literal nulls, never bound ones
      Payloads.CustomerData customer = m.data() instanceof Payloads.CustomerData c ? c : null;
      var insert =
          em.createNativeQuery(
                  "insert into webhook_event (id, tenant_id, customer_id, sequence, type,"
                      + " occurred_at, payload) values (:id, :t, "
                      + (customer == null ? "null, null" : ":c, :seq")
                      + ", :type, :at, :payload) on conflict (id) do nothing")
              .setParameter("id", m.id())
              .setParameter("t", tenant)
              .setParameter("type", m.type())
              .setParameter("at", now)
              .setParameter("payload", payload);
      if (customer != null) {
        insert.setParameter("c", customer.customerId()).setParameter("seq", customer.sequence());
      }
      int stored = insert.executeUpdate();
      if (stored == 0) {
        continue;
      }
      for (Target target : targets) {
        if (target.wants(m.type())) {
          insertDelivery(tenant, target.id(), m.id(), now);
        }
      }
    }
  }

  /**
   * A new delivery of a stored event, due now (also the way of a replay), and its tenant marked for
   * the delivery worker.
   */
  public void insertDelivery(String tenant, UUID subscriptionId, String eventId, Instant now) {
    em.createNativeQuery(
            "insert into webhook_delivery (id, tenant_id, subscription_id, event_id, status,"
                + " attempts, next_attempt_at, created_at) values (:id, :t, :s, :e, 'PENDING', 0,"
                + " :now, :now)")
        .setParameter("id", DeliveryIds.next(now))
        .setParameter("t", tenant)
        .setParameter("s", subscriptionId)
        .setParameter("e", eventId)
        .setParameter("now", now)
        .executeUpdate();
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

  private boolean hasSubscriptions(String tenant) {
    return !em.createNativeQuery("select 1 from webhook_subscription where tenant_id = :t limit 1")
        .setParameter("t", tenant)
        .getResultList()
        .isEmpty();
  }

  /** The customer's next number: one row per customer, counted up in the batch's transaction. */
  private long nextSequence(String tenant, String customerId) {
    return ((Number)
            em.createNativeQuery(
                    "insert into webhook_customer_sequence (tenant_id, customer_id, last_value)"
                        + " values (:t, :c, 1) on conflict (tenant_id, customer_id) do update set"
                        + " last_value = webhook_customer_sequence.last_value + 1 returning"
                        + " last_value")
                .setParameter("t", tenant)
                .setParameter("c", customerId)
                .getSingleResult())
        .longValue();
  }
}
