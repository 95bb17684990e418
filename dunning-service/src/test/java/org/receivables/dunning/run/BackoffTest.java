package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Instant NOW = Instant.parse("2026-06-15T08:00:00Z");

  @Test
  void eachRetryWaitsTwiceAsLongUntilTheRoundIsSpent() {
    Backoff b = new Backoff(3, Duration.ofMillis(500));
    assertThat(b.retryAt(1, NOW)).isEqualTo(NOW.plusMillis(500));
    assertThat(b.retryAt(2, NOW)).isEqualTo(NOW.plusMillis(1000));
    assertThat(b.retryAt(3, NOW)).isNull();
  }

  @Test
  void theWaitStopsGrowingAtSixteenTimesTheBase() {
    Backoff b = new Backoff(20, Duration.ofSeconds(1));
    assertThat(b.retryAt(5, NOW)).isEqualTo(NOW.plusSeconds(16));
    assertThat(b.retryAt(9, NOW)).isEqualTo(NOW.plusSeconds(16));
  }

  @Test
  void oneAttemptOrFewerMeansNoRetry() {
    assertThat(new Backoff(0, Duration.ofSeconds(1)).retryAt(1, NOW)).isNull();
  }
}
