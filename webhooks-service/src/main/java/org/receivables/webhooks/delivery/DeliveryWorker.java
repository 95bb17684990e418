package org.receivables.webhooks.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.webhooks.config.WebhooksConfig;

/**
 * Attempts due deliveries. Each poll leases subscriptions that have one due (at most as many as
 * free worker threads), and each leased subscription is worked by one thread: its due deliveries
 * oldest first, a few in flight at once but never two of one customer ({@link TurnPlan#waves}: a
 * customer's events arrive in order), no faster than its rate limit, at most {@value #PER_LEASE}
 * before it yields its thread. A slow or dead receiver so holds one thread for at most one time-out
 * per wave and never delays another subscription's deliveries while threads are free. The attempt
 * happens outside any transaction; its outcome is recorded after, with the others of its batch
 * ({@link TurnPlan}: one transaction per batch, at the latest a second after the batch's first
 * attempt), so a crash between the two re-sends those deliveries with the same {@code webhook-id}
 * once the lease expires: at least once, never lost.
 *
 * <p>Polls run on a thread of their own, not as a scheduled job: the scheduler ticks once a second,
 * while a delivery should leave within milliseconds of its event. A {@link DueSignal} (after a
 * commit that queued deliveries, and when a turn ends) makes it poll at once; {@code
 * webhooks.delivery.poll} only bounds how long a delivery queued by another replica, or coming due
 * by its retry schedule, waits.
 *
 * <p>A failed attempt is recorded by {@link FailedAttempts}, which may disable the subscription.
 */
@ApplicationScoped
public class DeliveryWorker {

  /** Deliveries a thread makes to one subscription before it lets others have the thread. */
  static final int PER_LEASE = 50;

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

  @Inject DeliveryQueue queue;
  @Inject Sender sender;
  @Inject Clock clock;
  @Inject WebhooksConfig config;
  @Inject MeterRegistry metrics;
  @Inject DueSignal signal;
  @Inject FailedAttempts failures;

  private ExecutorService pool;
  private Semaphore slots;
  private ReceiverAddress addresses;
  private volatile boolean running;
  private Thread poller;

  @PostConstruct
  void init() {
    int workers = config.delivery().workers();
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "webhook-delivery-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    slots = new Semaphore(workers);
    addresses =
        new ReceiverAddress(config.delivery().allowLoopbackHttp(), InetAddress::getAllByName);
  }

  void start(@Observes StartupEvent event) {
    running = true;
    poller = new Thread(this::loop, "webhook-poller");
    poller.setDaemon(true);
    poller.start();
  }

  /** No new polls once the application stops; the poll in progress finishes. */
  void shutdown(@Observes ShutdownEvent event) {
    running = false;
    signal.raise();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    running = false;
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  private void loop() {
    long interval = config.delivery().poll().toMillis();
    while (running) {
      try {
        poll();
      } catch (RuntimeException e) {
        LOG.warnf("Polling for due webhook deliveries failed, will retry: %s", e.getMessage());
      }
      try {
        signal.await(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void poll() {
    if (slots.availablePermits() == 0) {
      return;
    }
    List<DeliveryQueue.PendingTenant> pending =
        QuarkusTransaction.requiringNew().call(queue::pendingTenants);
    for (DeliveryQueue.PendingTenant seen : pending) {
      int free = slots.availablePermits();
      if (free == 0) {
        return;
      }
      String tenant = seen.tenant();
      Instant now = clock.instant();
      Instant until = now.plus(lease());
      List<UUID> leased =
          TenantScope.call(
              tenant,
              () ->
                  QuarkusTransaction.requiringNew()
                      .call(
                          () -> {
                            List<UUID> due = queue.lease(now, until, free);
                            if (due.isEmpty()) {
                              queue.forget(seen);
                            }
                            return due;
                          }));
      for (UUID subscription : leased) {
        slots.acquireUninterruptibly();
        pool.execute(
            () -> {
              try {
                TenantScope.run(tenant, () -> work(tenant, subscription, until));
              } catch (RuntimeException e) {
                LOG.errorf(e, "Deliveries of subscription %s stopped", subscription);
              } finally {
                slots.release();
                signal.raise();
              }
            });
      }
    }
  }

  /** Long enough for one attempt and its bookkeeping; renewed while the turn goes on. */
  private Duration lease() {
    return config.delivery().timeout().plusSeconds(30);
  }

  /** An attempt made, to be recorded. */
  private record Attempted(DeliveryQueue.Due due, Instant at, Sender.Outcome outcome) {}

  private void work(String tenant, UUID subscription, Instant leasedUntil) {
    long gapNanos = TimeUnit.SECONDS.toNanos(1) / config.delivery().perSubscriptionPerSecond();
    long last = System.nanoTime() - gapNanos;
    Instant leaseEnds = leasedUntil;
    int done = 0;
    try {
      while (done < PER_LEASE) {
        Instant now = clock.instant();
        Instant until = now.plus(lease());
        boolean renew = TurnPlan.renewLease(now, leaseEnds, lease());
        int max = TurnPlan.claimSize(done, PER_LEASE);
        List<DeliveryQueue.Due> due =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      if (renew) {
                        queue.renew(subscription, until);
                      }
                      return queue.claim(subscription, now, max);
                    });
        if (renew) {
          leaseEnds = until;
        }
        if (due.isEmpty()) {
          return;
        }
        List<Attempted> attempted = new ArrayList<>(due.size());
        long first = System.nanoTime();
        try {
          for (List<DeliveryQueue.Due> wave :
              TurnPlan.waves(
                  due,
                  DeliveryQueue.Due::customerId,
                  config.delivery().perSubscriptionConcurrency())) {
            List<CompletableFuture<Attempted>> inFlight = new ArrayList<>(wave.size());
            for (DeliveryQueue.Due d : wave) {
              long wait = last + gapNanos - System.nanoTime();
              if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
              }
              last = System.nanoTime();
              inFlight.add(attempt(d));
            }
            boolean failed = false;
            for (CompletableFuture<Attempted> f : inFlight) {
              Attempted a = f.join();
              attempted.add(a);
              failed |= !a.outcome().delivered();
            }
            // a failure is recorded before the next wave, as its retry and the subscription's
            // disabling are decided there
            if (failed || TurnPlan.recordNow(first, System.nanoTime())) {
              break;
            }
          }
        } finally {
          leaseEnds = recordAll(tenant, subscription, attempted, leaseEnds);
        }
        done += attempted.size();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      QuarkusTransaction.requiringNew().run(() -> queue.release(subscription));
    }
  }

  private CompletableFuture<Attempted> attempt(DeliveryQueue.Due due) {
    // as PostgreSQL keeps it, so that an event about the attempt says what the rows say
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    CompletableFuture<Sender.Outcome> outcome;
    try {
      ReceiverAddress.Target target = addresses.check(due.url());
      Map<String, String> headers =
          Signatures.headers(due.id(), at.getEpochSecond(), due.payload(), secrets(due, at));
      outcome = sender.send(target, headers, due.payload());
    } catch (ReceiverAddress.RefusedException e) {
      outcome =
          CompletableFuture.completedFuture(
              new Sender.Outcome(null, 0, "not sent: " + e.getMessage(), null));
    }
    return outcome.thenApply(
        o -> {
          metrics
              .counter("webhooks.attempts", "outcome", o.delivered() ? "2xx" : "failed")
              .increment();
          return new Attempted(due, at, o);
        });
  }

  /**
   * Records the batch's attempts in order, in one transaction (tried twice: a lost recording only
   * means the batch is sent again): successes together, each failure through {@link #record}.
   * Returns when the lease now ends.
   */
  private Instant recordAll(
      String tenant, UUID subscription, List<Attempted> attempted, Instant leaseEnds) {
    if (attempted.isEmpty()) {
      return leaseEnds;
    }
    Instant until = clock.instant().plus(lease());
    boolean renewed = attempted.stream().anyMatch(a -> a.outcome().delivered());
    Runnable recording =
        () -> {
          for (List<Attempted> run : TurnPlan.runs(attempted, a -> a.outcome().delivered())) {
            Attempted head = run.get(0);
            if (head.outcome().delivered()) {
              queue.deliveredAll(
                  tenant,
                  subscription,
                  run.stream()
                      .map(a -> new DeliveryQueue.Delivered(a.due().id(), a.at(), a.outcome()))
                      .toList(),
                  until);
            } else {
              failures.record(tenant, subscription, head.due(), head.at(), head.outcome());
            }
          }
        };
    try {
      QuarkusTransaction.requiringNew().run(recording);
    } catch (RuntimeException e) {
      if (!QuarkusTransaction.requiringNew().call(() -> queue.exists(subscription))) {
        // deleted during the turn: its deliveries went with it, nothing is left to record
        LOG.infof(
            "Subscription %s was deleted while %d of its deliveries were attempted; not recorded",
            subscription, attempted.size());
        return leaseEnds;
      }
      LOG.warnf(
          "Recording %d attempts of subscription %s failed, trying again: %s",
          attempted.size(), subscription, e.getMessage());
      QuarkusTransaction.requiringNew().run(recording);
    }
    return renewed ? until : leaseEnds;
  }

  private static List<String> secrets(DeliveryQueue.Due due, Instant at) {
    List<String> secrets = new ArrayList<>(2);
    secrets.add(due.secret());
    if (due.previousSecret() != null
        && due.previousExpiresAt() != null
        && at.isBefore(due.previousExpiresAt())) {
      secrets.add(due.previousSecret());
    }
    return secrets;
  }
}
