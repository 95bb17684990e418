package org.receivables.kpi.trend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.money.Money;

/**
 * The kept daily figures of a tenant and currency, one row per day ({@code kpi_daily_snapshot}).
 */
@ApplicationScoped
public class SnapshotRepository {

  @Inject EntityManager em;

  /** The kept points among {@code days}; a day without one is absent. */
  public Map<LocalDate, TrendPoint> find(String tenantId, String currency, List<LocalDate> days) {
    List<TrendPoint> rows =
        NamedRows.list(
            em.createNativeQuery(
                    "select day as date, outstanding, overdue, dso, best_possible_dso,"
                        + " average_days_delinquent, cei, recovery_rate, average_collection_delay,"
                        + " bad_debt_ratio, dispute_rate, promise_kept_rate from"
                        + " kpi_daily_snapshot where tenant_id = :tenant and currency = :currency"
                        + " and day in (:days)",
                    Tuple.class)
                .setParameter("tenant", tenantId)
                .setParameter("currency", currency)
                .setParameter("days", days),
            TrendPoint.class,
            Columns.Nulls.FAIL);
    Map<LocalDate, TrendPoint> out = new HashMap<>();
    rows.forEach(p -> out.put(p.date(), rounded(p, currency)));
    return out;
  }

  /** The point with its amounts in the currency's minor units, as the figures were computed. */
  private static TrendPoint rounded(TrendPoint p, String currency) {
    return new TrendPoint(
        p.date(),
        Money.round(p.outstanding(), currency),
        Money.round(p.overdue(), currency),
        p.dso(),
        p.bestPossibleDso(),
        p.averageDaysDelinquent(),
        p.cei(),
        p.recoveryRate(),
        p.averageCollectionDelay(),
        p.badDebtRatio(),
        p.disputeRate(),
        p.promiseKeptRate());
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
