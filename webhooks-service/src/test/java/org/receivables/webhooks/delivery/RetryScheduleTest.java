package org.receivables.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void theFirstRetryComesWithinTenSeconds() {
    Instant next = RetrySchedule.next(1, T).orElseThrow();
    assertThat(Duration.between(T, next)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void waitsGrowAndTheRetriesSpanAtLeastThreeDays() {
    Duration previous = Duration.ZERO;
    for (int failed = 1; failed < RetrySchedule.maxAttempts(); failed++) {
      Duration wait = Duration.between(T, RetrySchedule.next(failed, T).orElseThrow());
      assertThat(wait).isGreaterThanOrEqualTo(previous);
      previous = wait;
    }
    assertThat(RetrySchedule.span()).isGreaterThanOrEqualTo(Duration.ofDays(3));
  }

  @Test
  void afterTheLastAttemptTheDeliveryHasFailed() {
    assertThat(RetrySchedule.next(RetrySchedule.maxAttempts() - 1, T)).isPresent();
    assertThat(RetrySchedule.next(RetrySchedule.maxAttempts(), T)).isEqualTo(Optional.empty());
  }

  @Test
  void noFailureNoRetry() {
    assertThatThrownBy(() -> RetrySchedule.next(0, T)).isInstanceOf(IllegalArgumentException.class);
  }
}
