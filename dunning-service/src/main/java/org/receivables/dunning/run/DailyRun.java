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
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.time.BusinessCalendar;

/**
 * The daily run of every tenant, as of today in the suite's time zone. Across replicas exactly one
 * instance runs a given day: it claims the day in {@code scheduled_run} (primary key) before doing
 * anything; the others see the claim and stop. It queues each tenant's run for {@link RunWorker},
 * like an asynchronous request: the runs are done in the background, one tenant's slow run does not
 * hold the others' queueing, and a run stopped by a crash is taken up again. Each tenant's run is
 * itself safe to repeat.
 *
 * <p>Row-level security hides every tenant's invoices from work bound to no tenant, so the run
 * lists the service's tenants first ({@code service_tenant}, the kit's list) and then works each
 * tenant bound to it ({@link TenantScope}), as a request of that tenant would.
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

  /**
   * Queues every tenant's run for the day unless another instance claimed it; returns whether it
   * did.
   */
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
        TenantScope.run(
            tenantId,
            () -> {
              if (hasOutstanding(tenantId)) {
                // the same durable job as an asynchronous run: done by RunWorker, taken up
                // again after a crash
                QuarkusTransaction.requiringNew()
                    .run(() -> runs.accept(tenantId, day, "SCHEDULE", "scheduler"));
              }
            });
      } catch (RuntimeException e) {
        LOG.errorf(e, "Dunning run of tenant %s for %s failed", tenantId, day);
      }
    }
    return true;
  }

  /** Every tenant this service holds data of: the one list work bound to no tenant may read. */
  List<String> tenants() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                NamedRows.column(
                    em.createNativeQuery("select tenant from service_tenant order by tenant"),
                    String.class));
  }

  /** Whether the tenant has anything to chase; runs bound to it. */
  private boolean hasOutstanding(String tenantId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                NamedRows.column(
                        em.createNativeQuery(
                                "select exists (select 1 from invoice_replica where tenant_id = :t and"
                                    + " outstanding > 0)")
                            .setParameter("t", tenantId),
                        Boolean.class)
                    .get(0));
  }
}
