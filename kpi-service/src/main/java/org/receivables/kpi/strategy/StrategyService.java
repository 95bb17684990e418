package org.receivables.kpi.strategy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.receivables.kit.money.Money;
import org.receivables.kpi.formula.StrategySuccessRate;
import org.receivables.kpi.summary.OutcomeRepository;
import org.receivables.kpi.summary.OutcomeRepository.ReminderOutcome;
import org.receivables.kpi.summary.Scope;

/**
 * The success rate of each dunning step and channel, and within it of each policy version, from the
 * reminders sent in a period.
 */
@ApplicationScoped
public class StrategyService {

  /** A step on a channel. */
  private record Strategy(String step, String channel) {}

  /** A policy version; both null for the unknown policy group. */
  private record Policy(String id, Integer version) {}

  /** By id then version, the unknown policy last. */
  private static final Comparator<Policy> POLICY_ORDER =
      Comparator.comparing(Policy::id, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Policy::version, Comparator.nullsLast(Comparator.naturalOrder()));

  private static final Comparator<Strategy> STRATEGY_ORDER =
      Comparator.comparing(Strategy::step).thenComparing(Strategy::channel);

  @Inject OutcomeRepository outcomes;

  public List<StrategyResult> results(Scope scope, LocalDate from, LocalDate to) {
    Map<Strategy, StrategySuccessRate> rates = new TreeMap<>(STRATEGY_ORDER);
    Map<Strategy, Map<Policy, StrategySuccessRate>> byPolicy = new TreeMap<>(STRATEGY_ORDER);
    for (ReminderOutcome r : outcomes.reminders(scope, from, to, StrategySuccessRate.WINDOW_DAYS)) {
      Strategy strategy = new Strategy(r.step(), r.channel());
      Policy policy =
          r.policyId() == null
              ? new Policy(null, null)
              : new Policy(r.policyId(), r.policyVersion());
      rates.computeIfAbsent(strategy, k -> new StrategySuccessRate()).add(r.amount(), r.paid());
      byPolicy
          .computeIfAbsent(strategy, k -> new TreeMap<>(POLICY_ORDER))
          .computeIfAbsent(policy, k -> new StrategySuccessRate())
          .add(r.amount(), r.paid());
    }
    String currency = scope.currency();
    List<StrategyResult> out = new ArrayList<>();
    rates.forEach(
        (strategy, rate) -> {
          List<PolicyResult> policies = new ArrayList<>();
          byPolicy
              .get(strategy)
              .forEach(
                  (policy, p) ->
                      policies.add(
                          new PolicyResult(
                              policy.id(),
                              policy.version(),
                              p.reminders(),
                              Money.round(p.reminded(), currency),
                              Money.round(p.paid(), currency),
                              p.rate())));
          out.add(
              new StrategyResult(
                  strategy.step(),
                  strategy.channel(),
                  rate.reminders(),
                  Money.round(rate.reminded(), currency),
                  Money.round(rate.paid(), currency),
                  rate.rate(),
                  policies));
        });
    return out;
  }
}
