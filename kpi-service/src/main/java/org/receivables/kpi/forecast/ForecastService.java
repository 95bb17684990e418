package org.receivables.kpi.forecast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.kit.money.Money;
import org.receivables.kpi.formula.AgingBucket;
import org.receivables.kpi.formula.AverageCollectionDelay;
import org.receivables.kpi.formula.CashInForecast;
import org.receivables.kpi.formula.PaymentProbability;
import org.receivables.kpi.summary.CustomerFactsRepository;
import org.receivables.kpi.summary.FlowRepository;
import org.receivables.kpi.summary.FlowRepository.CustomerDelay;
import org.receivables.kpi.summary.OpenItemRepository;
import org.receivables.kpi.summary.OpenItemRepository.OpenItem;
import org.receivables.kpi.summary.Scope;

/**
 * The 13-week cash-in forecast as it would have been made on asOf, so that a forecast of a past
 * date can be held against what actually came in.
 */
@ApplicationScoped
public class ForecastService {

  /** How far back a customer's payments count for its average delay. */
  static final int DELAY_HISTORY_DAYS = 365;

  @Inject OpenItemRepository openItems;
  @Inject FlowRepository flows;
  @Inject CustomerFactsRepository customers;

  public CashForecast forecast(Scope scope, LocalDate asOf, int weeks, LocalDate today) {
    String cur = scope.currency();
    List<OpenItem> open = openItems.openItems(scope, asOf);
    Map<UUID, CustomerDelay> delays =
        flows.customerDelays(scope, asOf.minusDays(DELAY_HISTORY_DAYS - 1L), asOf);
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    for (CustomerDelay d : delays.values()) {
      weighted = weighted.add(d.weightedDays());
      paid = paid.add(d.collected());
    }
    long tenantDelay = days(AverageCollectionDelay.of(weighted, paid));
    Map<UUID, BigDecimal> pd = customers.probabilitiesOfDefault(scope.tenantId(), asOf);

    CashInForecast forecast = new CashInForecast(asOf, weeks);
    BigDecimal openTotal = BigDecimal.ZERO;
    for (OpenItem item : open) {
      openTotal = openTotal.add(item.balance());
      if (item.balance().signum() <= 0) {
        continue; // an overpaid invoice brings no cash in
      }
      CustomerDelay own = delays.get(item.customerId());
      long delay =
          own == null
              ? tenantDelay
              : days(AverageCollectionDelay.of(own.weightedDays(), own.collected()));
      AgingBucket bucket = AgingBucket.of(ChronoUnit.DAYS.between(item.dueDate(), asOf));
      forecast.add(
          new CashInForecast.Item(
              item.balance(),
              item.dueDate(),
              delay,
              PaymentProbability.of(pd.get(item.customerId()), bucket, item.disputed())));
    }

    Map<LocalDate, BigDecimal> collected =
        asOf.isBefore(today)
            ? flows.dailyCollections(scope, asOf.plusDays(1), min(today, asOf.plusWeeks(weeks)))
            : Map.of();
    List<CashForecast.Week> out = new ArrayList<>();
    BigDecimal totalExpected = BigDecimal.ZERO;
    BigDecimal totalActual = null;
    for (CashInForecast.Week w : forecast.weeks()) {
      BigDecimal expected = Money.round(w.expected(), cur);
      totalExpected = totalExpected.add(expected);
      BigDecimal actual = null;
      if (!w.start().isAfter(today)) {
        actual = BigDecimal.ZERO;
        for (LocalDate d = w.start(); !d.isAfter(w.end()); d = d.plusDays(1)) {
          actual = actual.add(collected.getOrDefault(d, BigDecimal.ZERO));
        }
        actual = Money.round(actual, cur);
        totalActual = totalActual == null ? actual : totalActual.add(actual);
      }
      out.add(
          new CashForecast.Week(
              w.index() + 1,
              w.start(),
              w.end(),
              expected,
              actual,
              actual == null ? null : actual.subtract(expected)));
    }
    return new CashForecast(
        asOf,
        cur,
        Money.round(openTotal, cur),
        totalExpected,
        Money.round(forecast.beyondHorizon(), cur),
        totalActual,
        out);
  }

  private static long days(BigDecimal value) {
    return value == null ? 0 : value.setScale(0, RoundingMode.HALF_UP).longValue();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
