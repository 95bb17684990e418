package org.receivables.kpi.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.receivables.kpi.formula.TargetVariance;
import org.receivables.kpi.summary.CustomerRanking;
import org.receivables.kpi.summary.KpiSummary;
import org.receivables.kpi.summary.Scope;
import org.receivables.kpi.summary.SummaryService;
import org.receivables.kpi.trend.SnapshotService;
import org.receivables.kpi.trend.TrendPoint;

/** Builds the variance report from the summary, the kept snapshots and the customer ranking. */
@ApplicationScoped
public class VarianceService {

  static final int HISTORY_MONTHS = 6;
  static final int TOP_CONTRIBUTORS = 5;

  @Inject TargetService targets;
  @Inject SummaryService summaries;
  @Inject SnapshotService snapshots;
  @Inject CustomerRanking ranking;

  public VarianceReport report(Scope scope, LocalDate from, LocalDate asOf) {
    return report(summaries.summary(scope, from, asOf), scope);
  }

  /** The summary the report would be built on. */
  public KpiSummary summaryOf(Scope scope, LocalDate from, LocalDate asOf) {
    return summaries.summary(scope, from, asOf);
  }

  public VarianceReport report(KpiSummary summary, Scope scope) {
    LocalDate asOf = summary.asOf();
    LocalDate from = summary.periodStart();
    List<TrendPoint> history =
        snapshots.points(scope.tenantId(), scope.currency(), historyDays(asOf));
    List<VarianceReport.Item> items = new ArrayList<>();
    for (Target target : targets.list(scope.tenantId())) {
      Kpi kpi = target.kpi();
      BigDecimal actual = kpi.of(summary);
      List<VarianceReport.Point> points =
          history.stream().map(p -> new VarianceReport.Point(p.date(), kpi.of(p))).toList();
      items.add(
          new VarianceReport.Item(
              kpi,
              target.comparison(),
              target.value(),
              actual,
              TargetVariance.gap(actual, target.value()),
              TargetVariance.met(target.comparison(), actual, target.value()),
              TargetVariance.trend(
                  target.comparison(), points.stream().map(VarianceReport.Point::value).toList()),
              points));
    }
    return new VarianceReport(
        asOf, from, scope.currency(), items, ranking.topOverdue(summary, scope, TOP_CONTRIBUTORS));
  }

  /** The last {@value #HISTORY_MONTHS} month ends before asOf, then asOf. */
  static List<LocalDate> historyDays(LocalDate asOf) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = HISTORY_MONTHS; i >= 1; i--) {
      days.add(asOf.minusMonths(i).with(TemporalAdjusters.lastDayOfMonth()));
    }
    if (!days.contains(asOf)) {
      days.add(asOf);
    }
    return days;
  }
}
