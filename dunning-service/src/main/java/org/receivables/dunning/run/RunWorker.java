package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantScope;

/**
 * Does the runs accepted with {@code Prefer: respond-async}, outside any request. A worker takes
 * the oldest queued run with {@code FOR UPDATE SKIP LOCKED} and keeps that row locked, in a
 * transaction open for the whole run, until it deletes it at the end: replicas never take the same
 * run, and a run whose process died (its lock gone with its connection) is taken up by the next
 * poll, of this service restarted or of another replica. Taking a run up again sends nothing twice:
 * its plan committed with its step claims and its queued reminders, which the senders take once
 * ({@link SenderPool}).
 */
@ApplicationScoped
public class RunWorker {

  private static final Logger LOG = Logger.getLogger(RunWorker.class);

  @Inject EntityManager em;
  @Inject RunService runs;

  /** A queued run, in select order. */
  record Queued(UUID runId, String tenant) {}

  /** Set at shutdown: a poll then stops taking runs (a run being done is taken up again later). */
  private volatile boolean stopping;

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  @Scheduled(
      every = "${dunning.runs.poll:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    try {
      while (!stopping && workOne()) {
        // the next queued run, if any
      }
    } catch (RuntimeException e) {
      if (stopping) {
        LOG.debugf(e, "Dunning run worker interrupted by the shutdown");
      } else {
        LOG.errorf(e, "The dunning run worker stopped; the next poll takes its run up again");
      }
    }
  }

  /** Takes and does one queued run; returns whether there was one free to take. */
  boolean workOne() {
    return QuarkusTransaction.requiringNew()
        .timeout(RunService.RUN_TIMEOUT_SECONDS)
        .call(
            () -> {
              List<Queued> next =
                  NamedRows.list(
                      em.createNativeQuery(
                          "select run_id, tenant from run_queue order by queued_at, run_id limit 1"
                              + " for update skip locked",
                          Tuple.class),
                      Queued.class,
                      Columns.Nulls.ZERO);
              if (next.isEmpty()) {
                return false;
              }
              Queued q = next.get(0);
              TenantScope.run(q.tenant(), () -> runs.execute(q.tenant(), q.runId()));
              em.createNativeQuery("delete from run_queue where run_id = :id")
                  .setParameter("id", q.runId())
                  .executeUpdate();
              return true;
            });
  }
}
