package org.receivables.kpi.strategy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.receivables.kit.money.Money;
import org.receivables.kpi.formula.StrategySuccessRate;
import org.receivables.kpi.summary.OutcomeRepository;
import org.receivables.kpi.summary.OutcomeRepository.ReminderOutcome;
import org.receivables.kpi.summary.Scope;

/** The success rate of each dunning step and channel, from the reminders sent in a period. */
@ApplicationScoped
public class StrategyService {

  @Inject OutcomeRepository outcomes;

  public List<StrategyResult> results(Scope scope, LocalDate from, LocalDate to) {
    Map<String, StrategySuccessRate> rates = new TreeMap<>();
    Map<String, String[]> keys = new TreeMap<>();
    for (ReminderOutcome r : outcomes.reminders(scope, from, to, StrategySuccessRate.WINDOW_DAYS)) {
      String key = r.step() + "\u0000" + r.channel();
      keys.putIfAbsent(key, new String[] {r.step(), r.channel()});
      rates.computeIfAbsent(key, k -> new StrategySuccessRate()).add(r.amount(), r.paid());
    }
    List<StrategyResult> out = new ArrayList<>();
    rates.forEach(
        (key, rate) ->
            out.add(
                new StrategyResult(
                    keys.get(key)[0],
                    keys.get(key)[1],
                    rate.reminders(),
                    Money.round(rate.reminded(), scope.currency()),
                    Money.round(rate.paid(), scope.currency()),
                    rate.rate())));
    return out;
  }
}
