package org.receivables.kpi.trend;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * state meanwhile; an event dated on or before a day deletes that day's row (see the
 * LedgerRepository).
 */
@ApplicationScoped
public class SnapshotService {

  @Inject SnapshotRepository snapshots;
  @Inject SummaryService summaries;
  @Inject TenantLock lock;
  @Inject KpiConfig config;

  public List<TrendPoint> points(String tenantId, String currency, List<LocalDate> days) {
    Map<LocalDate, TrendPoint> known = snapshots.find(tenantId, currency, days);
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
              snapshots.keep(tenantId, currency, p);
              return p;
            });
  }
}
