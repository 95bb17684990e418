package org.receivables.dunning.run;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed reminder is tried again within its round: after {@code base}, then twice as long
 * each time (at most 16 times {@code base}), until the round's {@code attempts} are spent.
 */
record Backoff(int attempts, Duration base) {

  /** The next attempt after the {@code round}-th failed at {@code now}; null: the round is over. */
  Instant retryAt(int round, Instant now) {
    if (round >= Math.max(1, attempts)) {
      return null;
    }
    return now.plus(base.multipliedBy(1L << Math.min(round - 1, 4)));
  }
}
