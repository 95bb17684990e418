package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
