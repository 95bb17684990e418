package org.receivables.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;
import org.receivables.kit.jdbc.JdbcBatch;

/**
 * Records an event in the same database transaction as the change it describes, so that an event is
 * published if and only if the change committed. The {@link OutboxRelay} sends it to Kafka, in the
 * trace of the work that recorded it.
 */
@ApplicationScoped
public class Outbox {

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transactions;
  @Inject Instance<OutboxRelay> relay;

  /**
   * Records the event on its producer's topic (the one its sealed interface names), in the caller's
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID record(DomainEvent event) {
    return record(event.topic(), event);
  }

  /**
   * Must run inside the caller's transaction: an event without its change would be a lie.
   *
   * @throws IllegalArgumentException when {@code topic} is not the event's producer's topic
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID record(String topic, DomainEvent event) {
    return recordAll(topic, List.of(event)).get(0);
  }

  /**
   * Records events of one topic in one JDBC batch (bulk work: one round trip instead of one per
   * event), in the caller's transaction and in its order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> recordAll(String topic, List<? extends DomainEvent> events) {
    List<UUID> ids = new ArrayList<>(events.size());
    if (events.isEmpty()) {
      return ids;
    }
    Instant at = Instant.now();
    String trace = OutboxTrace.current();
    List<Object[]> rows = new ArrayList<>(events.size());
    for (DomainEvent event : events) {
      requireOwnTopic(topic, event);
      UUID id = UUID.randomUUID();
      ids.add(id);
      rows.add(
          new Object[] {
            id,
            topic,
            event.key(),
            event.type(),
            event.subject(),
            event.tenantId(),
            EventJson.write(event),
            at,
            trace
          });
    }
    JdbcBatch.insert(
        em,
        "insert into outbox_event (event_id, topic, event_key, event_type, subject, tenant_id,"
            + " payload, occurred_at, traceparent) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    wakeRelayOnCommit();
    return ids;
  }

  /** One owner per fact: an event is published only on its producer's topic. */
  static void requireOwnTopic(String topic, DomainEvent event) {
    if (!event.topic().equals(topic)) {
      throw new IllegalArgumentException(
          event.type() + " belongs on " + event.topic() + ", not on " + topic);
    }
  }

  private void wakeRelayOnCommit() {
    if (relay.isResolvable()) {
      transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay.get()));
    }
  }

  /** Lets the relay publish right after the commit instead of at its next poll. */
  private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        relay.wakeUp();
      }
    }
  }
}
