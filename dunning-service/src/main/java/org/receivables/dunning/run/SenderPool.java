package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.receivables.kit.tenant.TenantScope;

/**
 * The senders of this replica ({@code dunning.sending.senders}): each claims a batch from the
 * {@link SendQueue} in a transaction that keeps the batch's rows locked while {@link Sender} sends
 * them, then settles them. Senders of every replica share the queue (SKIP LOCKED): none waits for
 * another, none takes a row another holds, and a batch whose sender died is taken again.
 */
@ApplicationScoped
public class SenderPool {

  private static final Logger LOG = Logger.getLogger(SenderPool.class);

  /** Longest a batch may hold its rows: every e-mail of it waits at most the mail timeout. */
  private static final int BATCH_TIMEOUT_SECONDS = 600;

  @Inject SendQueue queue;
  @Inject Sender sender;
  @Inject SendingConfig config;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;

  void onStart(@Observes StartupEvent event) {
    for (int i = 0; i < config.senders(); i++) {
      Thread t = new Thread(this::loop, "dunning-sender-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
    wake();
  }

  /** Tells idle senders there is work now rather than at their next poll. */
  public void wake() {
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (!stopping) {
      int claimed;
      try {
        claimed = workOne();
      } catch (RuntimeException e) {
        if (stopping) {
          return;
        }
        LOG.errorf(e, "A dunning sender failed; its batch is taken again");
        claimed = 0;
      }
      if (claimed < config.batch()) {
        idle();
      }
    }
  }

  private void idle() {
    lock.lock();
    try {
      work.await(config.poll().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    } finally {
      lock.unlock();
    }
  }

  /** Claims, sends and settles one batch; returns how many reminders it claimed. */
  int workOne() {
    return QuarkusTransaction.requiringNew()
        .timeout(BATCH_TIMEOUT_SECONDS)
        .call(
            () -> {
              List<SendQueue.Claimed> batch = queue.claim(config.batch());
              Map<String, List<SendQueue.Claimed>> byTenant = new LinkedHashMap<>();
              batch.forEach(
                  c -> byTenant.computeIfAbsent(c.tenant(), t -> new ArrayList<>()).add(c));
              List<SendQueue.Outcome> outcomes = new ArrayList<>(batch.size());
              byTenant.forEach(
                  (tenant, claimed) ->
                      outcomes.addAll(
                          TenantScope.call(tenant, () -> sender.send(tenant, claimed))));
              queue.settle(outcomes);
              return batch.size();
            });
  }
}
