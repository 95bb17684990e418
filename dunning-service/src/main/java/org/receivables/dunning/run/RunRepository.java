package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.dunning.common.Json;

/**
 * The run's own rows: the per-tenant run lock, the {@code dunning_run} record as the first phase
 * writes it, and the batched writes of everything the run creates.
 */
@ApplicationScoped
public class RunRepository {

  private static final int LOCK_NAMESPACE = 7_000_007;

  @Inject EntityManager em;

  /** One run per tenant at a time, across servers; released when the transaction ends. */
  void lock(String tenantId) {
    em.createNativeQuery("select pg_advisory_xact_lock(:ns, hashtext(:t))")
        .setParameter("ns", LOCK_NAMESPACE)
        .setParameter("t", tenantId)
        .getSingleResult();
  }

  RunWrites writes(String tenantId, UUID runId, Instant started, LocalDate asOf) {
    return new RunWrites(em.unwrap(Session.class), tenantId, runId, started, asOf);
  }

  void start(
      UUID runId, String tenantId, LocalDate asOf, String trigger, Instant at, String actor) {
    insert(runId, tenantId, asOf, trigger, at, actor, true);
  }

  /** A run's row, RUNNING; an accepted run is not planned yet. */
  private void insert(
      UUID runId,
      String tenantId,
      LocalDate asOf,
      String trigger,
      Instant at,
      String actor,
      boolean planned) {
    em.createNativeQuery(
            "insert into dunning_run (id, tenant_id, as_of, dry_run, trigger, started_at, started_by,"
                + " status, planned) values (:id, :t, :asOf, false, :trigger, :at, :by, 'RUNNING',"
                + " :planned)")
        .setParameter("id", runId)
        .setParameter("t", tenantId)
        .setParameter("asOf", asOf)
        .setParameter("trigger", trigger)
        .setParameter("at", at)
        .setParameter("by", actor)
        .setParameter("planned", planned)
        .executeUpdate();
  }

  /**
   * Accepts a run to be done by {@link RunWorker}: its row, RUNNING and not yet planned, and its
   * place in the queue, both in the caller's transaction (with the idempotency key's record).
   */
  void queue(
      UUID runId, String tenantId, LocalDate asOf, String trigger, Instant at, String actor) {
    insert(runId, tenantId, asOf, trigger, at, actor, false);
    em.createNativeQuery("insert into run_queue (run_id, tenant, queued_at) values (:id, :t, :at)")
        .setParameter("id", runId)
        .setParameter("t", tenantId)
        .setParameter("at", at)
        .executeUpdate();
  }

  /** Marks an accepted run as decided, in the planning transaction (with its claims). */
  void markPlanned(UUID runId) {
    em.createNativeQuery("update dunning_run set planned = true where id = :id")
        .setParameter("id", runId)
        .executeUpdate();
  }

  /** Ends a run that could not complete, with the reason. */
  void fail(UUID runId, String reason, Instant at) {
    em.createNativeQuery(
            "update dunning_run set status = 'FAILED', failure = :why, finished_at = :at where id = :id")
        .setParameter("why", reason)
        .setParameter("at", at)
        .setParameter("id", runId)
        .executeUpdate();
  }

  void planned(UUID runId, int considered, int tasks, int escalations, List<RunView.Skip> skipped) {
    em.createNativeQuery(
            "update dunning_run set invoices_considered = :n, call_tasks_created = :tasks, escalations = :esc,"
                + " skipped = :skipped where id = :id")
        .setParameter("n", considered)
        .setParameter("tasks", tasks)
        .setParameter("esc", escalations)
        .setParameter("skipped", Json.write(skipped))
        .setParameter("id", runId)
        .executeUpdate();
  }
}
