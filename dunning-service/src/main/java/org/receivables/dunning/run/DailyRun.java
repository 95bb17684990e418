package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import org.receivables.kit.time.BusinessCalendar;

/**
 * The daily run of every tenant, as of today in the suite's time zone. Across replicas exactly one
 * instance runs a given day: it claims the day in {@code scheduled_run} (primary key) before doing
 * anything; the others see the claim and stop. Each tenant's run is itself safe to repeat.
 */
@ApplicationScoped
public class DailyRun {

  private static final Logger LOG = Logger.getLogger(DailyRun.class);

  @Inject EntityManager em;
  @Inject RunService runs;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @Scheduled(
      cron = "${dunning.schedule.cron:0 0 7 * * ?}",
      timeZone = "Europe/Paris",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    try {
      runFor(calendar.today());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Daily dunning run failed");
    }
  }

  /** Runs every tenant for the day unless another instance claimed it; returns whether it ran. */
  public boolean runFor(LocalDate day) {
    boolean claimed =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                                "insert into scheduled_run (day, claimed_at, claimed_by) values (:d, :at, :by)"
                                    + " on conflict do nothing")
                            .setParameter("d", day)
                            .setParameter("at", Instant.now(clock))
                            .setParameter("by", ManagementFactory.getRuntimeMXBean().getName())
                            .executeUpdate()
                        == 1);
    if (!claimed) {
      return false;
    }
    for (String tenantId : tenants()) {
      try {
        runs.run(tenantId, day, false, "SCHEDULE", "scheduler");
      } catch (RuntimeException e) {
        LOG.errorf(e, "Dunning run of tenant %s for %s failed", tenantId, day);
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  List<String> tenants() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery(
                        "select distinct tenant_id from dn_invoice where outstanding > 0 order by tenant_id")
                    .getResultList());
  }
}
