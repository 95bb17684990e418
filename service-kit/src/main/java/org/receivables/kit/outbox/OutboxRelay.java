package org.receivables.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.receivables.kit.jdbc.NamedRows;

/**
 * Publishes committed outbox rows to Kafka as binary-mode CloudEvents, in id order, and deletes
 * them only once the broker acknowledged them. Each record carries a W3C {@code traceparent} header
 * in the trace recorded with its row.
 *
 * <p>One replica relays at a time: each batch runs under a transaction-scoped PostgreSQL advisory
 * lock, which keeps per-key order when a service runs several replicas. A crash between send and
 * delete re-sends the batch; consumers drop the duplicates by event id (at-least-once, applied
 * once).
 *
 * <p>Present only in services that set {@code service-kit.outbox.enabled=true} at build time.
 */
@ApplicationScoped
@IfBuildProperty(name = "service-kit.outbox.enabled", stringValue = "true")
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** Arbitrary, constant: each service has its own database, so one key per database suffices. */
  private static final long LOCK_KEY = 0x0b0c_e7e1L;

  @Inject EntityManager em;
  @Inject OutboxConfig config;

  @Inject
  @Channel("outbox")
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
  Emitter<String> emitter;

  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private Thread worker;

  /**
   * A dedicated thread rather than a scheduled job: the scheduler ticks once a second, while an
   * event should leave within milliseconds of its commit. {@link Outbox} wakes the thread after
   * each commit; the poll interval only bounds how long a row committed by another replica may
   * wait.
   */
  void start(@Observes StartupEvent event) {
    running = true;
    worker = new Thread(this::loop, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Finishes the batch in flight, so that a stopping pod hands over without losing or resending.
   */
  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    wakeUp.release();
    if (worker != null) {
      worker.join(config.sendTimeout().toMillis());
    }
  }

  /** Called after a transaction that wrote outbox rows committed. */
  public void wakeUp() {
    wakeUp.release();
  }

  private void loop() {
    sleep(config.initialDelay().toMillis()); // the Kafka channel is wired during start-up
    while (running) {
      relayPending();
      try {
        wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void relayPending() {
    try {
      while (running && relayBatch() == config.batchSize()) {
        // a full batch means more may be waiting: drain before sleeping
      }
    } catch (RuntimeException e) {
      LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage());
      sleep(config.pollInterval().toMillis());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends one batch; returns how many rows it published (0 when another replica holds the lock).
   */
  public int relayBatch() {
    return QuarkusTransaction.requiringNew()
        .timeout((int) config.sendTimeout().toSeconds() + 30)
        .call(this::publishUnderLock);
  }

  private int publishUnderLock() {
    Boolean leader =
        NamedRows.value(
            em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", LOCK_KEY),
            Boolean.class);
    if (!Boolean.TRUE.equals(leader)) {
      return 0;
    }
    List<Pending> rows =
        NamedRows.list(
            em.createNativeQuery(
                    "select id, event_id, topic, event_key, event_type, subject, tenant_id,"
                        + " payload, occurred_at, traceparent from outbox_event order by id limit"
                        + " :n",
                    Tuple.class)
                .setParameter("n", config.batchSize()),
            Pending.class);
    if (rows.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
    List<Long> ids = new ArrayList<>(rows.size());
    for (Pending row : rows) {
      ids.add(row.id());
      acks.add(send(row));
    }
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Broker did not acknowledge the outbox batch", e);
    }
    em.createNativeQuery("delete from outbox_event where id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    return rows.size();
  }

  /** An outbox row waiting to be relayed. */
  private record Pending(
      long id,
      String eventId,
      String topic,
      String eventKey,
      String eventType,
      String subject,
      String tenantId,
      String payload,
      Instant occurredAt,
      String traceparent) {}

  private CompletableFuture<Void> send(Pending row) {
    String topic = row.topic();
    String key = row.eventKey();
    OutgoingCloudEventMetadata<Object> cloudEvent =
        OutgoingCloudEventMetadata.builder()
            .withId(row.eventId())
            .withType(row.eventType())
            .withSubject(row.subject())
            .withSource(URI.create(config.source()))
            .withDataContentType("application/json")
            .withTimestamp(row.occurredAt().atZone(ZoneOffset.UTC))
            .withExtensions(Map.of("tenantid", row.tenantId()))
            .build();
    OutgoingKafkaRecordMetadata<String> kafka =
        OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build();
    CompletableFuture<Void> acked = new CompletableFuture<>();
    // The connector starts its producer span in this context and writes that span's traceparent
    // header; without it the span would start a new trace of its own on this thread.
    TracingMetadata trace = TracingMetadata.withCurrent(OutboxTrace.restore(row.traceparent()));
    Message<String> message =
        Message.of(row.payload(), Metadata.of(cloudEvent, kafka, trace))
            .withAck(
                () -> {
                  acked.complete(null);
                  return CompletableFuture.completedFuture(null);
                })
            .withNack(
                failure -> {
                  acked.completeExceptionally(failure);
                  return CompletableFuture.completedFuture(null);
                });
    emitter.send(message);
    return acked;
  }
}
