package org.receivables.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The bookkeeping rules of one subscription's turn, kept apart from the threads and SQL that follow
 * them. A turn takes its due deliveries a few at a time ({@link #claimSize}), attempts them one by
 * one, and records what it attempted in one transaction when the claimed deliveries are done, an
 * attempt failed, or a second has passed ({@link #recordNow}): one commit per batch instead of two
 * per delivery, and a crash re-sends (same {@code webhook-id}) at most a second's worth of
 * deliveries. The lease is written again only when less than half of it is left ({@link
 * #renewLease}), which still covers the second of attempts, one more attempt's time-out and the
 * recording.
 */
final class TurnPlan {

  /** Deliveries claimed at once: enough to amortise a transaction, few enough to stay fresh. */
  static final int BATCH = 25;

  /** At the latest this long after a batch's first attempt, what was attempted is recorded. */
  static final Duration RECORD_WITHIN = Duration.ofSeconds(1);

  private TurnPlan() {}

  /** How many due deliveries to claim when {@code done} of the turn's {@code perTurn} are done. */
  static int claimSize(int done, int perTurn) {
    return Math.max(0, Math.min(BATCH, perTurn - done));
  }

  /** Whether the lease must be extended before more attempts: less than half of it is left. */
  static boolean renewLease(Instant now, Instant leaseEnds, Duration lease) {
    return now.plus(lease.dividedBy(2)).isAfter(leaseEnds);
  }

  /** Whether the attempts made since {@code firstAttemptNanos} must be recorded before the next. */
  static boolean recordNow(long firstAttemptNanos, long nowNanos) {
    return nowNanos - firstAttemptNanos >= RECORD_WITHIN.toNanos();
  }

  /**
   * The outcomes in order, cut into runs that are recorded alike: consecutive deliveries that got
   * their 2xx together (one set of statements for all), every failure alone (its retry, and maybe
   * the subscription's disabling, decided one by one as before).
   */
  static <T> List<List<T>> runs(List<T> outcomes, Predicate<T> delivered) {
    List<List<T>> runs = new ArrayList<>();
    List<T> successes = new ArrayList<>();
    for (T outcome : outcomes) {
      if (delivered.test(outcome)) {
        successes.add(outcome);
        continue;
      }
      if (!successes.isEmpty()) {
        runs.add(successes);
        successes = new ArrayList<>();
      }
      runs.add(List.of(outcome));
    }
    if (!successes.isEmpty()) {
      runs.add(successes);
    }
    return runs;
  }

  /**
   * The claimed deliveries, oldest first, cut into waves sent in parallel: at most {@code width}
   * per wave, and a customer's deliveries each in a later wave than the one before it, so that a
   * customer's events still arrive one at a time and in order while other customers' share the
   * subscription's concurrency. Deliveries without a customer are one such line of their own.
   */
  static <T> List<List<T>> waves(List<T> due, Function<T, String> customer, int width) {
    List<List<T>> waves = new ArrayList<>();
    Map<String, Integer> lastWave = new HashMap<>();
    for (T d : due) {
      String key = customer.apply(d);
      Integer previous = lastWave.get(key);
      int w = previous == null ? 0 : previous + 1;
      while (w < waves.size() && waves.get(w).size() >= width) {
        w++;
      }
      if (w == waves.size()) {
        waves.add(new ArrayList<>());
      }
      waves.get(w).add(d);
      lastWave.put(key, w);
    }
    return waves;
  }
}
