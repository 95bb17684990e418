package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;
import org.receivables.dunning.commitment.CommitmentReview;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.policy.PolicyService;

/**
 * A dunning run for one tenant and date, in two phases. First {@link RunPlanner} decides and stages
 * everything in one transaction, its reminders queued with it; then the senders of every replica
 * ({@link SenderPool}) send them from the queue while the run waits, outside any transaction, so a
 * slow mail server never holds the run's lock.
 */
@ApplicationScoped
public class RunService {

  /** The longest a run may take, sending included (a large book, a slow mail server). */
  public static final int RUN_TIMEOUT_SECONDS = 3600;

  private static final int PLAN_TIMEOUT_SECONDS = 600;
  private static final long WAIT_NANOS = 50_000_000L;
  private static final UUID NO_RUN = new UUID(0, 0);
  private static final Logger LOG = Logger.getLogger(RunService.class);

  @Inject PolicyService policies;
  @Inject CommitmentReview commitments;
  @Inject RunPlanner planner;
  @Inject DunningConfig config;
  @Inject SendQueue queue;
  @Inject SenderPool senders;
  @Inject ReminderStore reminders;
  @Inject RunRepository repository;
  @Inject RunQueries queries;
  @Inject Clock clock;

  public RunView run(
      String tenantId, LocalDate asOf, boolean dryRun, String trigger, String actor) {
    // committed before planning, which reads them in its own transaction: a caller's transaction
    // (the idempotency key's) must not hide them from it
    QuarkusTransaction.requiringNew().run(() -> policies.ensureDefaults(tenantId));
    if (!dryRun) {
      QuarkusTransaction.requiringNew().run(() -> commitments.review(tenantId, asOf));
    }
    RunPlanner.Planned planned =
        QuarkusTransaction.requiringNew()
            .timeout(PLAN_TIMEOUT_SECONDS)
            .call(() -> planner.plan(tenantId, asOf, dryRun, trigger, actor));
    if (dryRun) {
      return planned.view();
    }
    awaitSent(tenantId, planned.view().id());
    return reminders.finish(planned.view().id(), planned.reminderIds());
  }

  /**
   * Accepts a run to be done later by {@link RunWorker}, in the caller's transaction; returns it
   * RUNNING.
   */
  public RunView accept(String tenantId, LocalDate asOf, String trigger, String actor) {
    UUID id = UUID.randomUUID();
    repository.queue(id, tenantId, asOf, trigger, Instant.now(clock), actor);
    return queries.run(tenantId, id);
  }

  /**
   * Does an accepted run, bound to its tenant: plans it unless a previous attempt already did (the
   * plan commits with its step claims, so it is made once), sends its reminders still PENDING with
   * those the tenant has to retry, and completes it. A failure ends it FAILED.
   */
  void execute(String tenantId, UUID runId) {
    try {
      RunView run = QuarkusTransaction.requiringNew().call(() -> queries.run(tenantId, runId));
      if (!"RUNNING".equals(run.status())) {
        return;
      }
      if (!run.progress().planned()) {
        QuarkusTransaction.requiringNew().run(() -> policies.ensureDefaults(tenantId));
        QuarkusTransaction.requiringNew().run(() -> commitments.review(tenantId, run.asOf()));
        QuarkusTransaction.requiringNew()
            .timeout(PLAN_TIMEOUT_SECONDS)
            .run(() -> planner.plan(tenantId, run.asOf(), false, run.trigger(), null, runId));
      }
      awaitSent(tenantId, runId);
      reminders.finish(runId, reminders.allOf(runId));
    } catch (RuntimeException e) {
      LOG.errorf(e, "Dunning run %s of tenant %s failed", runId, tenantId);
      QuarkusTransaction.requiringNew()
          .run(() -> repository.fail(runId, failure(e), Instant.now(clock)));
    }
  }

  private static String failure(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 500 ? message.substring(0, 500) : message;
  }

  /**
   * Queues the tenant's reminders that may be tried again beside the run's own (queued by its
   * plan), wakes the senders and waits until the queue has sent, or given up on, all of them.
   */
  private void awaitSent(String tenantId, UUID runId) {
    List<UUID> retried =
        QuarkusTransaction.requiringNew()
            .call(() -> queue.requeue(tenantId, config.send().maxTotalAttempts()));
    senders.wake();
    Instant deadline = Instant.now().plusSeconds(RUN_TIMEOUT_SECONDS);
    while (QuarkusTransaction.requiringNew().call(() -> queue.waiting(runId, retried)) > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "reminders still queued after " + RUN_TIMEOUT_SECONDS + " s");
      }
      // the queue is worked by the senders of every replica: look again shortly
      LockSupport.parkNanos(WAIT_NANOS);
    }
  }

  /**
   * Tries a failed reminder again now, through the queue, and waits for the round's outcome (at
   * most the time its attempts may take).
   */
  public void retryNow(UUID reminderId) {
    QuarkusTransaction.requiringNew().run(() -> queue.enqueue(List.of(reminderId)));
    senders.wake();
    long rounds = Math.max(1, config.send().attempts());
    Instant deadline =
        Instant.now()
            .plus(
                config
                    .send()
                    .mailTimeout()
                    .plus(config.send().backoff().multipliedBy(16))
                    .multipliedBy(rounds));
    while (QuarkusTransaction.requiringNew().call(() -> queue.waiting(NO_RUN, List.of(reminderId)))
            > 0
        && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(WAIT_NANOS);
    }
  }
}
