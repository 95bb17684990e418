package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.receivables.dunning.commitment.CommitmentReview;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.policy.PolicyService;
import org.receivables.kit.tenant.TenantScope;

/**
 * A dunning run for one tenant and date, in two phases. First {@link RunPlanner} decides and stages
 * everything in one transaction; then, outside it, the messages are sent a few at a time, each
 * retried and marked SENT only once the channel accepted it, so a slow mail server never holds the
 * run's lock or its transaction.
 */
@ApplicationScoped
public class RunService {

  /** The longest a run may take, sending included (a large book, a slow mail server). */
  public static final int RUN_TIMEOUT_SECONDS = 3600;

  private static final int PLAN_TIMEOUT_SECONDS = 600;
  private static final Logger LOG = Logger.getLogger(RunService.class);

  @Inject PolicyService policies;
  @Inject CommitmentReview commitments;
  @Inject RunPlanner planner;
  @Inject DunningConfig config;
  @Inject Dispatcher dispatcher;
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
    List<UUID> toSend = new ArrayList<>(planned.reminderIds());
    toSend.addAll(
        reminders.retryable(tenantId, config.send().maxTotalAttempts(), planned.reminderIds()));
    deliverAll(tenantId, toSend);
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
      List<UUID> own = reminders.unsentOf(runId);
      List<UUID> toSend = new ArrayList<>(own);
      toSend.addAll(reminders.retryable(tenantId, config.send().maxTotalAttempts(), own));
      deliverAll(tenantId, toSend);
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
   * Sends the reminders, {@code dunning.send.concurrency} at a time. Each delivery takes its
   * reminder conditionally and has its own transactions, so parallel deliveries never send one
   * reminder twice. The sending threads serve no request: each is bound to the run's tenant.
   */
  private void deliverAll(String tenantId, List<UUID> ids) {
    int threads = Math.max(1, Math.min(config.send().concurrency(), ids.size()));
    if (threads == 1) {
      ids.forEach(dispatcher::deliver);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> sends = new ArrayList<>(ids.size());
      for (UUID id : ids) {
        sends.add(pool.submit(() -> TenantScope.run(tenantId, () -> dispatcher.deliver(id))));
      }
      for (Future<?> send : sends) {
        try {
          send.get();
        } catch (ExecutionException e) {
          LOG.errorf(e.getCause(), "A reminder could not be delivered");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
  }
}
