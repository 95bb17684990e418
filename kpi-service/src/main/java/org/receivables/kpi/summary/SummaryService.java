package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receivables.kit.money.Money;
import org.receivables.kpi.formula.AgingBucket;
import org.receivables.kpi.formula.AgingReport;
import org.receivables.kpi.formula.AverageCollectionDelay;
import org.receivables.kpi.formula.AverageDaysDelinquent;
import org.receivables.kpi.formula.BadDebtRatio;
import org.receivables.kpi.formula.BestPossibleDso;
import org.receivables.kpi.formula.CollectionEffectivenessIndex;
import org.receivables.kpi.formula.CountBackDso;
import org.receivables.kpi.formula.DisputeRate;
import org.receivables.kpi.formula.PromiseKeptRate;
import org.receivables.kpi.formula.RecoveryRate;
import org.receivables.kpi.formula.StandardDso;
import org.receivables.kpi.summary.OpenItemRepository.Aging;
import org.receivables.kpi.summary.OutcomeRepository.Outcomes;
import org.receivables.kpi.summary.OutcomeRepository.Recovery;

/**
 * Puts the projection's figures through the formulas, for one scope, period and as-of date.
 *
 * <p>A summary's eight reads run in one transaction, on one connection bound once to the tenant.
 * Outside a transaction each read borrowed its own connection, and the kit's tenant binding cost
 * two more round trips per read (bind on borrow, reset on return): about 32 round trips to
 * PostgreSQL per summary instead of about 11 (docs/performance.md).
 */
@ApplicationScoped
public class SummaryService {

  /** How far back the count-back DSO looks. */
  static final int COUNT_BACK_MONTHS = 24;

  @Inject OpenItemRepository openItems;
  @Inject FlowRepository flowRows;
  @Inject OutcomeRepository outcomes;
  @Inject CustomerFactsRepository customers;
  @Inject SegmentReads segmentReads;

  /**
   * What a summary is computed from, read for one scope ({@link #inputs}) or for every segment at
   * once ({@link SegmentReads}).
   *
   * @param dailyNetSales net sales per day from {@link #countBackFrom} to the as-of date
   */
  public record Inputs(
      Aging openNow,
      BigDecimal outstandingAtStart,
      Flows flows,
      Recovery recovery,
      Outcomes promises,
      Outcomes plans,
      Map<LocalDate, BigDecimal> dailyNetSales) {}

  /**
   * One summary per segment of the tenant's customers: the segments listed from their index, and
   * each kind of figure read for all of them in one grouped query, not one per segment.
   */
  @Transactional
  public List<KpiSummary> bySegment(
      String tenantId, String currency, LocalDate from, LocalDate asOf) {
    List<String> segments = customers.segments(tenantId);
    if (segments.isEmpty()) {
      return List.of();
    }
    Map<String, Inputs> inputs = segmentReads.inputs(tenantId, currency, segments, from, asOf);
    List<KpiSummary> out = new ArrayList<>();
    for (String segment : segments) {
      out.add(
          summary(new Scope(tenantId, currency, null, segment), from, asOf, inputs.get(segment)));
    }
    return out;
  }

  @Transactional
  public KpiSummary summary(Scope scope, LocalDate from, LocalDate asOf) {
    return summary(scope, from, asOf, inputs(scope, from, asOf));
  }

  /** The scope's inputs, one query per kind. */
  Inputs inputs(Scope scope, LocalDate from, LocalDate asOf) {
    return new Inputs(
        openItems.aging(scope, asOf),
        openItems.outstanding(scope, from.minusDays(1)),
        flowRows.flows(scope, from, asOf),
        outcomes.recovery(scope, from, asOf),
        outcomes.commitments(scope, "PROMISE", from, asOf),
        outcomes.commitments(scope, "PLAN", from, asOf),
        flowRows.dailyNetSales(scope, countBackFrom(asOf), asOf));
  }

  /** The first day whose net sales the count-back DSO may look at. */
  static LocalDate countBackFrom(LocalDate asOf) {
    return monthEnd(asOf, COUNT_BACK_MONTHS).plusDays(1);
  }

  /** The formulas on inputs already read: no database. */
  KpiSummary summary(Scope scope, LocalDate from, LocalDate asOf, Inputs in) {
    String cur = scope.currency();
    int days = (int) ChronoUnit.DAYS.between(from, asOf) + 1;
    Aging openNow = in.openNow();
    AgingReport aging = openNow.report();
    BigDecimal outstandingAtStart = in.outstandingAtStart();
    Flows flows = in.flows();
    Recovery recovery = in.recovery();
    Outcomes promises = in.promises();
    Outcomes plans = in.plans();

    BigDecimal outstanding = aging.outstanding();
    BigDecimal current = aging.bucket(AgingBucket.NOT_DUE);
    BigDecimal netSales = flows.netSales();
    BigDecimal dso = StandardDso.of(outstanding, netSales, days);
    BigDecimal best = BestPossibleDso.of(current, netSales, days);
    Map<String, String> notComputed = new LinkedHashMap<>();
    String noDso = StandardDso.notComputedBecause(netSales);
    BigDecimal countBack = countBackDso(in.dailyNetSales(), outstanding, asOf);
    return new KpiSummary(
        asOf,
        from,
        days,
        cur,
        scope.customerId(),
        scope.segment(),
        Money.round(outstanding, cur),
        Money.round(aging.overdue(), cur),
        openNow.openCount(),
        why(notComputed, "dso", dso, noDso),
        why(notComputed, "countBackDso", countBack, CountBackDso.NO_SALES_HISTORY),
        why(notComputed, "bestPossibleDso", best, BestPossibleDso.notComputedBecause(netSales)),
        why(
            notComputed,
            "averageDaysDelinquent",
            AverageDaysDelinquent.of(dso, best),
            AverageDaysDelinquent.notComputedBecause(noDso)),
        why(
            notComputed,
            "cei",
            CollectionEffectivenessIndex.of(
                outstandingAtStart, netSales, current, flows.collected()),
            CollectionEffectivenessIndex.notComputedBecause(outstandingAtStart, netSales, current)),
        why(
            notComputed,
            "recoveryRate",
            RecoveryRate.of(recovery.recovered(), recovery.fellOverdue()),
            RecoveryRate.notComputedBecause(recovery.fellOverdue())),
        why(
            notComputed,
            "averageCollectionDelay",
            AverageCollectionDelay.of(flows.collectedDueDays(), flows.collected()),
            AverageCollectionDelay.notComputedBecause(flows.collected())),
        why(
            notComputed,
            "averageDaysToPay",
            AverageCollectionDelay.of(flows.collectedIssueDays(), flows.collected()),
            AverageCollectionDelay.notComputedBecause(flows.collected())),
        why(
            notComputed,
            "badDebtRatio",
            BadDebtRatio.of(flows.writtenOff(), netSales),
            BadDebtRatio.notComputedBecause(netSales)),
        why(
            notComputed,
            "disputeRate",
            DisputeRate.of(flows.disputed(), flows.invoiced()),
            DisputeRate.notComputedBecause(flows.invoiced())),
        why(
            notComputed,
            "promiseKeptRate",
            PromiseKeptRate.of(promises.kept(), promises.broken()),
            PromiseKeptRate.notComputedBecause(
                promises.kept(), promises.broken(), "promise to pay")),
        why(
            notComputed,
            "paymentPlanKeptRate",
            PromiseKeptRate.of(plans.kept(), plans.broken()),
            PromiseKeptRate.notComputedBecause(plans.kept(), plans.broken(), "payment plan")),
        Money.round(flows.invoiced(), cur),
        Money.round(netSales, cur),
        Money.round(flows.collected(), cur),
        Money.round(flows.writtenOff(), cur),
        Money.round(recovery.fellOverdue(), cur),
        Money.round(recovery.recovered(), cur),
        new KpiSummary.Aging(
            Money.round(aging.bucket(AgingBucket.NOT_DUE), cur),
            Money.round(aging.bucket(AgingBucket.DAYS_1_TO_30), cur),
            Money.round(aging.bucket(AgingBucket.DAYS_31_TO_60), cur),
            Money.round(aging.bucket(AgingBucket.DAYS_61_TO_90), cur),
            Money.round(aging.bucket(AgingBucket.OVER_90), cur)),
        notComputed);
  }

  /**
   * A KPI as computed; when it is null, its formula's reason goes into {@code notComputed}. A null
   * that the formula cannot explain would be a bug of the formula, said as such.
   */
  static BigDecimal why(
      Map<String, String> notComputed, String kpi, BigDecimal value, String reason) {
    if (value == null) {
      notComputed.put(kpi, reason == null ? "not computed for an unexplained reason" : reason);
    }
    return value;
  }

  /**
   * Months ending on asOf, most recent first, with their net sales: calendar months when asOf is a
   * month end, else months from the same day of the month.
   */
  private static BigDecimal countBackDso(
      Map<LocalDate, BigDecimal> daily, BigDecimal outstanding, LocalDate asOf) {
    List<LocalDate> ends = new ArrayList<>();
    for (int i = 0; i <= COUNT_BACK_MONTHS; i++) {
      ends.add(monthEnd(asOf, i));
    }
    if (daily.isEmpty()) {
      return null;
    }
    List<CountBackDso.MonthSales> months = new ArrayList<>();
    for (int i = 0; i < COUNT_BACK_MONTHS; i++) {
      LocalDate end = ends.get(i);
      LocalDate first = ends.get(i + 1).plusDays(1);
      BigDecimal sales = BigDecimal.ZERO;
      for (Map.Entry<LocalDate, BigDecimal> e : daily.entrySet()) {
        if (!e.getKey().isBefore(first) && !e.getKey().isAfter(end)) {
          sales = sales.add(e.getValue());
        }
      }
      months.add(new CountBackDso.MonthSales(sales, (int) ChronoUnit.DAYS.between(first, end) + 1));
    }
    return CountBackDso.of(outstanding, months);
  }

  static LocalDate monthEnd(LocalDate asOf, int monthsBack) {
    LocalDate d = asOf.minusMonths(monthsBack);
    return asOf.getDayOfMonth() == asOf.lengthOfMonth()
        ? d.with(TemporalAdjusters.lastDayOfMonth())
        : d;
  }
}
