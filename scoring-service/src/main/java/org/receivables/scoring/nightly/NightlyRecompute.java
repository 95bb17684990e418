package org.receivables.scoring.nightly;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.score.ScoreService;
import org.receivables.scoring.score.ScoringConfig;
import org.receivables.scoring.score.ScoringModel;

/**
 * Rescores every customer once a night, because scores age without any event: an unpaid invoice
 * gets older, a broken promise leaves the 12-month window, statements go stale.
 *
 * <p>Only customers whose score may have aged are rescored (score.ScoreAging sets the day with each
 * score), and every customer once after the model's settings changed ({@link ScoringModel}).
 *
 * <p>Exactly one replica runs each night's pass: the one that inserts the day's row in {@code
 * sc_nightly_run}. A pass abandoned for more than two hours (its replica died) may be taken over.
 * Customers are rescored in pages, each page in its own transaction, so a long run holds no lock
 * for long and an interrupted run has still saved what it did.
 *
 * <p>Row-level security hides every tenant's customers from work bound to no tenant, so the pass
 * lists the service's tenants first ({@code service_tenant}, the kit's list) and rescores each
 * tenant's customers bound to it ({@link TenantScope}), as a request of that tenant would.
 */
@ApplicationScoped
public class NightlyRecompute {

  private static final Logger LOG = Logger.getLogger(NightlyRecompute.class);
  private static final int PAGE = 100;

  private final String replica = UUID.randomUUID().toString();

  @Inject NightlyRunRepository runs;
  @Inject ScoringModel model;
  @Inject ScoreService scores;
  @Inject ScoringConfig config;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @Scheduled(
      cron = "${scoring.nightly.cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void nightly() {
    if (!config.nightly().enabled()) {
      return;
    }
    run(calendar.today());
  }

  /**
   * Runs the pass for {@code day} if no other replica has claimed it.
   *
   * @return customers rescored (skipped ones not counted), or -1 when another replica owns the
   *     day's pass
   */
  public int run(LocalDate day) {
    if (!claim(day)) {
      LOG.debugf("Nightly rescoring of %s is another replica's", day);
      return -1;
    }
    int count = 0;
    for (String tenant : tenants()) {
      count += TenantScope.call(tenant, () -> rescore(tenant, day));
    }
    int done = count;
    QuarkusTransaction.requiringNew().run(() -> runs.complete(day, done, Instant.now(clock)));
    LOG.infof("Nightly rescoring of %s: %d customers", day, count);
    return count;
  }

  /** Every tenant this service holds data of: the one list work bound to no tenant may read. */
  private List<String> tenants() {
    return QuarkusTransaction.requiringNew().call(runs::tenants);
  }

  /**
   * Rescores the tenant's customers whose score may have changed by {@code day}, a page at a time;
   * runs bound to the tenant. A customer whose score cannot have aged since its last fact is
   * skipped: its stored score is still the one of today.
   */
  private int rescore(String tenant, LocalDate day) {
    int count = 0;
    String customer = "";
    while (true) {
      String after = customer;
      List<String> page =
          QuarkusTransaction.requiringNew()
              .call(() -> runs.dueAfter(tenant, after, day, model.digest(), PAGE));
      if (page.isEmpty()) {
        return count;
      }
      for (String id : page) {
        try {
          QuarkusTransaction.requiringNew().run(() -> scores.recompute(tenant, id, "nightly"));
          count++;
        } catch (RuntimeException e) {
          LOG.warnf(e, "Nightly rescoring of customer %s in tenant %s failed", id, tenant);
        }
      }
      customer = page.get(page.size() - 1);
    }
  }

  private boolean claim(LocalDate day) {
    return QuarkusTransaction.requiringNew()
        .call(() -> runs.claim(day, replica, Instant.now(clock)));
  }
}
