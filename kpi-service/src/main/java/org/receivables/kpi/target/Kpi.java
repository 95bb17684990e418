package org.receivables.kpi.target;

import java.math.BigDecimal;
import java.util.function.Function;
import org.receivables.kpi.formula.TargetVariance.Comparison;
import org.receivables.kpi.summary.KpiSummary;
import org.receivables.kpi.trend.TrendPoint;

/** The KPIs a tenant can set a target for, with the direction that is better for each. */
public enum Kpi {
  DSO(Comparison.AT_MOST, KpiSummary::dso, TrendPoint::dso),
  BEST_POSSIBLE_DSO(Comparison.AT_MOST, KpiSummary::bestPossibleDso, TrendPoint::bestPossibleDso),
  AVERAGE_DAYS_DELINQUENT(
      Comparison.AT_MOST, KpiSummary::averageDaysDelinquent, TrendPoint::averageDaysDelinquent),
  CEI(Comparison.AT_LEAST, KpiSummary::cei, TrendPoint::cei),
  RECOVERY_RATE(Comparison.AT_LEAST, KpiSummary::recoveryRate, TrendPoint::recoveryRate),
  AVERAGE_COLLECTION_DELAY(
      Comparison.AT_MOST, KpiSummary::averageCollectionDelay, TrendPoint::averageCollectionDelay),
  BAD_DEBT_RATIO(Comparison.AT_MOST, KpiSummary::badDebtRatio, TrendPoint::badDebtRatio),
  DISPUTE_RATE(Comparison.AT_MOST, KpiSummary::disputeRate, TrendPoint::disputeRate),
  PROMISE_KEPT_RATE(Comparison.AT_LEAST, KpiSummary::promiseKeptRate, TrendPoint::promiseKeptRate);

  private final Comparison better;
  private final Function<KpiSummary, BigDecimal> actual;
  private final Function<TrendPoint, BigDecimal> inTrend;

  Kpi(
      Comparison better,
      Function<KpiSummary, BigDecimal> actual,
      Function<TrendPoint, BigDecimal> inTrend) {
    this.better = better;
    this.actual = actual;
    this.inTrend = inTrend;
  }

  /** The comparison a target of this KPI uses unless the tenant says otherwise. */
  public Comparison better() {
    return better;
  }

  public BigDecimal of(KpiSummary summary) {
    return actual.apply(summary);
  }

  public BigDecimal of(TrendPoint point) {
    return inTrend.apply(point);
  }
}
