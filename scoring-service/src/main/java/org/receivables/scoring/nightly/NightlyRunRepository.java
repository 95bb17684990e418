package org.receivables.scoring.nightly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.receivables.kit.jdbc.NamedRows;

/**
 * The nightly pass's bookkeeping, set-based by nature: claiming a day across replicas in one
 * statement ({@code sc_nightly_run}), listing the tenants that work bound to no tenant may see, and
 * a tenant's customers whose score may have changed.
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
    return em.createNativeQuery(
                "insert into sc_nightly_run (run_date, claimed_by, claimed_at) values (:day, :me,"
                    + " :now) on conflict (run_date) do update set claimed_by ="
                    + " excluded.claimed_by, claimed_at = excluded.claimed_at where"
                    + " sc_nightly_run.completed_at is null and sc_nightly_run.claimed_at <"
                    + " :stale")
            .setParameter("day", day)
            .setParameter("me", replica)
            .setParameter("now", now)
            .setParameter("stale", now.minusSeconds(STALE_SECONDS))
            .executeUpdate()
        == 1;
  }

  public void complete(LocalDate day, int customers, Instant at) {
    em.createNativeQuery(
            "update sc_nightly_run set completed_at = :at, customers = :n where run_date = :day")
        .setParameter("at", at)
        .setParameter("n", customers)
        .setParameter("day", day)
        .executeUpdate();
  }

  /**
   * The tenant's customers after {@code customer}, in pages, whose score may differ on {@code day}:
   * never scored, aged ({@code rescore_on}, score.ScoreAging) or computed with other settings.
   */
  public List<String> dueAfter(String tenant, String customer, LocalDate day, String model, int n) {
    return NamedRows.column(
        em.createNativeQuery(
                "select c.customer_id from sc_customer c left join sc_score s on s.tenant_id ="
                    + " c.tenant_id and s.customer_id = c.customer_id where c.tenant_id = :t and"
                    + " c.customer_id > :c and (s.id is null or s.rescore_on <= :day or s.model is"
                    + " distinct from :model) order by c.customer_id limit :n")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .setParameter("day", day)
            .setParameter("model", model)
            .setParameter("n", n),
        String.class);
  }

  /** Every tenant this service holds data of (the kit's {@code service_tenant}). */
  public List<String> tenants() {
    return NamedRows.column(
        em.createNativeQuery("select tenant from service_tenant order by tenant"), String.class);
  }
}
