package org.receivables.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the first retry within 10 seconds (a receiver that
 * restarted is reached at once), then backing off over more than three days, so that a receiver
 * down for a long weekend still gets every event. After the last retry the delivery has failed.
 */
public final class RetrySchedule {

  /** The wait after the n-th failed attempt (index 0: after the first). */
  static final List<Duration> WAITS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10),
          Duration.ofHours(14),
          Duration.ofHours(20),
          Duration.ofHours(24));

  private RetrySchedule() {}

  /**
   * The time of the next attempt after {@code failedAttempts} failures, the last at {@code
   * failedAt}; empty when the schedule is spent and the delivery has failed for good.
   */
  public static Optional<Instant> next(int failedAttempts, Instant failedAt) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1");
    }
    if (failedAttempts > WAITS.size()) {
      return Optional.empty();
    }
    return Optional.of(failedAt.plus(WAITS.get(failedAttempts - 1)));
  }

  /** The most attempts a delivery gets: the first and one per wait. */
  public static int maxAttempts() {
    return WAITS.size() + 1;
  }

  /** From the first attempt to the last, when every attempt fails at once. */
  public static Duration span() {
    return WAITS.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
