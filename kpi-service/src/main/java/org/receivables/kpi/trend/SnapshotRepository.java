package org.receivables.kpi.trend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.receivables.kit.money.Money;
import org.receivables.kpi.sql.Rows;

/**
 * The kept daily figures of a tenant and currency, one row per day ({@code kpi_daily_snapshot}).
 */
@ApplicationScoped
public class SnapshotRepository {

  @Inject EntityManager em;

  /** The kept points among {@code days}; a day without one is absent. */
  public Map<LocalDate, TrendPoint> find(String tenantId, String currency, List<LocalDate> days) {
    List<TrendPoint> rows =
        Rows.list(
            em.createNativeQuery(
                    "select day, outstanding, overdue, dso, best_possible_dso,"
                        + " average_days_delinquent, cei, recovery_rate, average_collection_delay,"
                        + " bad_debt_ratio, dispute_rate, promise_kept_rate from"
                        + " kpi_daily_snapshot where tenant_id = :tenant and currency = :currency"
                        + " and day in (:days)")
                .setParameter("tenant", tenantId)
                .setParameter("currency", currency)
                .setParameter("days", days),
            r ->
                new TrendPoint(
                    r.date(0),
                    Money.round(r.decimal(1), currency),
                    Money.round(r.decimal(2), currency),
                    r.decimal(3),
                    r.decimal(4),
                    r.decimal(5),
                    r.decimal(6),
                    r.decimal(7),
                    r.decimal(8),
                    r.decimal(9),
                    r.decimal(10),
                    r.decimal(11)));
    Map<LocalDate, TrendPoint> out = new HashMap<>();
    rows.forEach(p -> out.put(p.date(), p));
    return out;
  }

  /** Keeps a day's point, unless another reader kept it first. */
  public void keep(String tenantId, String currency, TrendPoint p) {
    em.createNativeQuery(
            "insert into kpi_daily_snapshot (tenant_id, currency, day, outstanding,"
                + " overdue, dso, best_possible_dso, average_days_delinquent, cei,"
                + " recovery_rate, average_collection_delay, bad_debt_ratio,"
                + " dispute_rate, promise_kept_rate) values (:tenant, :currency, :day,"
                + " :outstanding, :overdue, :dso, :best, :add, :cei, :recovery, :delay,"
                + " :badDebt, :dispute, :promise) on conflict do nothing")
        .setParameter("tenant", tenantId)
        .setParameter("currency", currency)
        .setParameter("day", p.date())
        .setParameter("outstanding", p.outstanding())
        .setParameter("overdue", p.overdue())
        .setParameter("dso", p.dso())
        .setParameter("best", p.bestPossibleDso())
        .setParameter("add", p.averageDaysDelinquent())
        .setParameter("cei", p.cei())
        .setParameter("recovery", p.recoveryRate())
        .setParameter("delay", p.averageCollectionDelay())
        .setParameter("badDebt", p.badDebtRatio())
        .setParameter("dispute", p.disputeRate())
        .setParameter("promise", p.promiseKeptRate())
        .executeUpdate();
  }
}
