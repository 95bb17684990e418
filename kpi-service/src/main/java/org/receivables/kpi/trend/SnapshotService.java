package org.receivables.kpi.trend;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.receivables.kpi.config.KpiConfig;
import org.receivables.kpi.projection.TenantLock;
import org.receivables.kpi.summary.KpiSummary;
import org.receivables.kpi.summary.Scope;
import org.receivables.kpi.summary.SummaryService;

/**
 * Daily figures of a tenant, kept in {@code kpi_daily_snapshot} so that a trend is a read of a few
 * rows. A missing day is computed once, under the tenant's shared lock so that no event changes the
 * state meanwhile; an event dated on or before a day deletes that day's row (see the Ledger).
 */
@ApplicationScoped
public class SnapshotService {

  @Inject EntityManager em;
  @Inject SummaryService summaries;
  @Inject TenantLock lock;
  @Inject KpiConfig config;

  public List<TrendPoint> points(String tenantId, String currency, List<LocalDate> days) {
    Map<LocalDate, TrendPoint> known = read(tenantId, currency, days);
    List<TrendPoint> out = new ArrayList<>(days.size());
    for (LocalDate day : days) {
      TrendPoint point = known.get(day);
      if (point == null) {
        point = fill(tenantId, currency, day);
      }
      out.add(point);
    }
    return out;
  }

  private TrendPoint fill(String tenantId, String currency, LocalDate day) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              lock.shared(tenantId);
              KpiSummary s =
                  summaries.summary(
                      Scope.tenant(tenantId, currency),
                      day.minusDays(config.defaultPeriodDays() - 1L),
                      day);
              TrendPoint p =
                  new TrendPoint(
                      day,
                      s.outstanding(),
                      s.overdue(),
                      s.dso(),
                      s.bestPossibleDso(),
                      s.averageDaysDelinquent(),
                      s.cei(),
                      s.recoveryRate(),
                      s.averageCollectionDelay(),
                      s.badDebtRatio(),
                      s.disputeRate(),
                      s.promiseKeptRate());
              em.createNativeQuery(
                      "insert into kpi_daily_snapshot (tenant_id, currency, day, outstanding,"
                          + " overdue, dso, best_possible_dso, average_days_delinquent, cei,"
                          + " recovery_rate, average_collection_delay, bad_debt_ratio,"
                          + " dispute_rate, promise_kept_rate) values (:tenant, :currency, :day,"
                          + " :outstanding, :overdue, :dso, :best, :add, :cei, :recovery, :delay,"
                          + " :badDebt, :dispute, :promise) on conflict do nothing")
                  .setParameter("tenant", tenantId)
                  .setParameter("currency", currency)
                  .setParameter("day", day)
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
              return p;
            });
  }

  private Map<LocalDate, TrendPoint> read(String tenantId, String currency, List<LocalDate> days) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select day, outstanding, overdue, dso, best_possible_dso,"
                    + " average_days_delinquent, cei, recovery_rate, average_collection_delay,"
                    + " bad_debt_ratio, dispute_rate, promise_kept_rate from kpi_daily_snapshot"
                    + " where tenant_id = :tenant and currency = :currency and day in (:days)")
            .setParameter("tenant", tenantId)
            .setParameter("currency", currency)
            .setParameter("days", days)
            .getResultList();
    Map<LocalDate, TrendPoint> out = new HashMap<>();
    for (Object[] r : rows) {
      LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
      out.put(
          day,
          new TrendPoint(
              day,
              money(r[1], currency),
              money(r[2], currency),
              (BigDecimal) r[3],
              (BigDecimal) r[4],
              (BigDecimal) r[5],
              (BigDecimal) r[6],
              (BigDecimal) r[7],
              (BigDecimal) r[8],
              (BigDecimal) r[9],
              (BigDecimal) r[10],
              (BigDecimal) r[11]));
    }
    return out;
  }

  private static BigDecimal money(Object value, String currency) {
    return org.receivables.kit.money.Money.round((BigDecimal) value, currency);
  }
}
