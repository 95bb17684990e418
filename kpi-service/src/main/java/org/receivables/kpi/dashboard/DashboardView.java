package org.receivables.kpi.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.receivables.kpi.forecast.CashForecast;
import org.receivables.kpi.strategy.StrategyResult;
import org.receivables.kpi.summary.CustomerOverdue;
import org.receivables.kpi.summary.KpiSummary;
import org.receivables.kpi.target.VarianceReport;
import org.receivables.kpi.trend.TrendPoint;

/** Everything the dashboard shows, for one tenant, currency and date. */
public record DashboardView(
    String tenantId,
    LocalDate asOf,
    String currency,
    KpiSummary summary,
    List<Tile> tiles,
    List<TrendPoint> trend,
    CashForecast forecast,
    List<CustomerOverdue> topOverdue,
    List<StrategyResult> strategies,
    VarianceReport variance,
    String chartData) {

  /** One headline figure: its label, formatted value, hint and status against its target. */
  public record Tile(String label, String value, String hint, String status) {}
}
