package org.receivables.scoring.nightly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.receivables.scoring.store.SqlQuery;

/**
 * The nightly pass's bookkeeping, set-based by nature: claiming a day across replicas in one
 * statement ({@code sc_nightly_run}), and listing the tenants that work bound to no tenant may see.
 */
@ApplicationScoped
public class NightlyRunRepository {

  /** A pass abandoned this long (its replica died) may be taken over. */
  private static final long STALE_SECONDS = 2 * 3600;

  @Inject EntityManager em;

  /**
   * @return true when this replica now owns the day's pass
   */
  public boolean claim(LocalDate day, String replica, Instant now) {
    return SqlQuery.write(
                em,
                "insert into sc_nightly_run (run_date, claimed_by, claimed_at) values (:day, :me,"
                    + " :now) on conflict (run_date) do update set claimed_by ="
                    + " excluded.claimed_by, claimed_at = excluded.claimed_at where"
                    + " sc_nightly_run.completed_at is null and sc_nightly_run.claimed_at <"
                    + " :stale")
            .bind("day", day)
            .bind("me", replica)
            .bind("now", now)
            .bind("stale", now.minusSeconds(STALE_SECONDS))
            .execute()
        == 1;
  }

  public void complete(LocalDate day, int customers, Instant at) {
    SqlQuery.write(
            em,
            "update sc_nightly_run set completed_at = :at, customers = :n where run_date = :day")
        .bind("at", at)
        .bind("n", customers)
        .bind("day", day)
        .execute();
  }

  /** Every tenant this service holds data of (the kit's {@code service_tenant}). */
  public List<String> tenants() {
    return SqlQuery.select(em, "select tenant from service_tenant order by tenant")
        .list(r -> r.text("tenant"));
  }
}
