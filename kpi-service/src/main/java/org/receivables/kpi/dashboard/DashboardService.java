package org.receivables.kpi.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.receivables.kpi.forecast.CashForecast;
import org.receivables.kpi.forecast.ForecastService;
import org.receivables.kpi.strategy.StrategyResult;
import org.receivables.kpi.strategy.StrategyService;
import org.receivables.kpi.summary.CustomerOverdue;
import org.receivables.kpi.summary.KpiSummary;
import org.receivables.kpi.summary.Scope;
import org.receivables.kpi.target.Kpi;
import org.receivables.kpi.target.VarianceReport;
import org.receivables.kpi.target.VarianceService;
import org.receivables.kpi.trend.Interval;
import org.receivables.kpi.trend.SnapshotService;
import org.receivables.kpi.trend.TrendPoint;

/** Gathers the dashboard's figures from the same services as the API, for one tenant and day. */
@ApplicationScoped
public class DashboardService {

  static final int TREND_MONTHS = 12;

  @Inject VarianceService variances;
  @Inject SnapshotService snapshots;
  @Inject ForecastService forecasts;
  @Inject StrategyService strategies;
  @Inject ObjectMapper json;

  public DashboardView view(Scope scope, LocalDate from, LocalDate asOf, LocalDate today) {
    KpiSummary summary = variances.summaryOf(scope, from, asOf);
    VarianceReport variance = variances.report(summary, scope);
    List<TrendPoint> trend =
        snapshots.points(
            scope.tenantId(),
            scope.currency(),
            Interval.MONTH.points(asOf.minusMonths(TREND_MONTHS), asOf));
    CashForecast forecast = forecasts.forecast(scope, asOf, 13, today);
    List<StrategyResult> dunning = strategies.results(scope, from, asOf);
    List<CustomerOverdue> top = variance.topContributors();
    return new DashboardView(
        scope.tenantId(),
        asOf,
        scope.currency(),
        summary,
        tiles(summary, variance),
        trend,
        forecast,
        top,
        dunning,
        variance,
        chartData(summary, trend, variance, forecast, top, dunning));
  }

  private List<DashboardView.Tile> tiles(KpiSummary s, VarianceReport variance) {
    String cur = s.currency();
    List<DashboardView.Tile> tiles = new ArrayList<>();
    tiles.add(
        new DashboardView.Tile(
            "Outstanding", money(s.outstanding(), cur), s.openInvoices() + " open invoices", ""));
    tiles.add(
        new DashboardView.Tile(
            "Overdue", money(s.overdue(), cur), "past due as of " + s.asOf(), ""));
    tiles.add(
        tile("DSO", days(s.dso()), "count-back " + days(s.countBackDso()), Kpi.DSO, variance));
    tiles.add(
        tile(
            "Best possible DSO",
            days(s.bestPossibleDso()),
            "if all paid on time",
            Kpi.BEST_POSSIBLE_DSO,
            variance));
    tiles.add(
        tile(
            "Days delinquent",
            days(s.averageDaysDelinquent()),
            "DSO − best possible",
            Kpi.AVERAGE_DAYS_DELINQUENT,
            variance));
    tiles.add(tile("CEI", percent(s.cei()), "collected ÷ collectible", Kpi.CEI, variance));
    tiles.add(
        tile(
            "Recovery rate",
            percent(s.recoveryRate()),
            "of what fell overdue",
            Kpi.RECOVERY_RATE,
            variance));
    tiles.add(
        tile(
            "Collection delay",
            days(s.averageCollectionDelay()),
            "days after due, weighted",
            Kpi.AVERAGE_COLLECTION_DELAY,
            variance));
    tiles.add(
        tile(
            "Bad-debt ratio",
            percent(s.badDebtRatio()),
            "written off ÷ net sales",
            Kpi.BAD_DEBT_RATIO,
            variance));
    tiles.add(
        tile(
            "Dispute rate",
            percent(s.disputeRate()),
            "disputed ÷ invoiced",
            Kpi.DISPUTE_RATE,
            variance));
    tiles.add(
        tile(
            "Promises kept",
            percent(s.promiseKeptRate()),
            "kept ÷ resolved",
            Kpi.PROMISE_KEPT_RATE,
            variance));
    return tiles;
  }

  private static DashboardView.Tile tile(
      String label, String value, String hint, Kpi kpi, VarianceReport variance) {
    for (VarianceReport.Item item : variance.items()) {
      if (item.kpi() == kpi) {
        String target =
            (item.comparison().name().equals("AT_MOST") ? "≤ " : "≥ ")
                + item.target().stripTrailingZeros().toPlainString();
        String status = item.met() == null ? "" : item.met() ? "met" : "missed";
        return new DashboardView.Tile(label, value, hint + " · target " + target, status);
      }
    }
    return new DashboardView.Tile(label, value, hint, "");
  }

  private String chartData(
      KpiSummary s,
      List<TrendPoint> trend,
      VarianceReport variance,
      CashForecast forecast,
      List<CustomerOverdue> top,
      List<StrategyResult> dunning) {
    BigDecimal dsoTarget = null;
    for (VarianceReport.Item item : variance.items()) {
      if (item.kpi() == Kpi.DSO) {
        dsoTarget = item.target();
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("currency", s.currency());
    data.put(
        "aging",
        Map.of(
            "labels", List.of("Not due", "1–30", "31–60", "61–90", "> 90"),
            "values",
                List.of(
                    s.aging().notDue(),
                    s.aging().days1to30(),
                    s.aging().days31to60(),
                    s.aging().days61to90(),
                    s.aging().over90())));
    List<String> trendLabels = new ArrayList<>();
    List<BigDecimal> dso = new ArrayList<>();
    List<BigDecimal> best = new ArrayList<>();
    List<BigDecimal> target = new ArrayList<>();
    for (TrendPoint p : trend) {
      trendLabels.add(p.date().toString());
      dso.add(p.dso());
      best.add(p.bestPossibleDso());
      target.add(dsoTarget);
    }
    Map<String, Object> dsoTrend = new LinkedHashMap<>();
    dsoTrend.put("labels", trendLabels);
    dsoTrend.put("dso", dso);
    dsoTrend.put("bestPossible", best);
    dsoTrend.put("target", dsoTarget == null ? List.of() : target);
    data.put("dsoTrend", dsoTrend);
    List<String> weekLabels = new ArrayList<>();
    List<BigDecimal> expected = new ArrayList<>();
    List<BigDecimal> actual = new ArrayList<>();
    for (CashForecast.Week w : forecast.weeks()) {
      weekLabels.add("W" + w.week() + " " + w.start());
      expected.add(w.expected());
      actual.add(w.actual());
    }
    data.put("forecast", Map.of("labels", weekLabels, "expected", expected, "actual", actual));
    data.put(
        "topOverdue",
        Map.of(
            "labels",
            top.stream()
                .map(c -> c.name() != null ? c.name() : c.customerId().toString().substring(0, 8))
                .toList(),
            "values",
            top.stream().map(CustomerOverdue::overdue).toList()));
    data.put(
        "dunning",
        Map.of(
            "labels", dunning.stream().map(d -> d.step() + " · " + d.channel()).toList(),
            "rates",
                dunning.stream()
                    .map(d -> d.successRate() == null ? BigDecimal.ZERO : d.successRate())
                    .toList()));
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Dashboard data cannot be written", e);
    }
  }

  static String money(BigDecimal amount, String currency) {
    DecimalFormat f =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    return amount == null ? "—" : f.format(amount) + " " + currency;
  }

  static String days(BigDecimal value) {
    return value == null ? "—" : value.toPlainString() + " d";
  }

  static String percent(BigDecimal value) {
    return value == null ? "—" : value.toPlainString() + " %";
  }
}
