package org.receivables.invoicing.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.time.BusinessCalendar;

/**
 * Erases the personal data of closed accounts once the retention period ran out, every night as of
 * today (the injected Clock, in the suite's time zone). Durable by construction: what is due is
 * derived from the ledger, not from a queue of timers, so a run missed while the service was down
 * is caught up by the next one, and a run cut short resumes where the data says. Several replicas
 * may run it at once: each customer is rechecked under its row lock and erased at most once.
 */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class);

  @Inject PersonalDataErasure erasure;
  @Inject RetentionConfig config;
  @Inject BusinessCalendar calendar;

  @Scheduled(
      cron = "${invoicing.retention.cron:0 30 2 * * ?}",
      timeZone = "Europe/Paris",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void nightly() {
    try {
      int erased = run(calendar.today());
      if (erased > 0) {
        LOG.infof("Retention erased the personal data of %d customer(s)", erased);
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "Retention run failed; the next run catches up");
    }
  }

  /**
   * Erases every customer due as of {@code asOf}; returns how many it erased. Row-level security
   * hides every tenant's rows from unbound work, so the run lists the tenants first and works each
   * one bound to it.
   */
  public int run(LocalDate asOf) {
    int erased = 0;
    for (String tenant : erasure.tenants()) {
      erased += TenantScope.call(tenant, () -> runFor(asOf));
    }
    return erased;
  }

  private int runFor(LocalDate asOf) {
    RetentionRule rule = new RetentionRule(config.personalDataAfterClosure());
    LocalDate cutoff = rule.cutoff(asOf);
    int erased = 0;
    UUID after = null;
    while (true) {
      List<UUID> batch = erasure.candidates(cutoff, after, config.batchSize());
      for (UUID id : batch) {
        try {
          if (erasure.eraseIfDue(id, rule, asOf)) {
            erased++;
          }
        } catch (RuntimeException e) {
          LOG.warnf("Retention could not erase customer %s (next run retries): %s", id, e);
        }
      }
      if (batch.size() < config.batchSize()) {
        return erased;
      }
      after = batch.get(batch.size() - 1);
    }
  }
}
