package org.receivables.dunning.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Test
  void messagesBeyondTheRateWaitTheirTurn() {
    Throttle t = new Throttle(10, nanos::get);
    assertThat(t.take()).isEqualTo(Duration.ZERO);
    assertThat(t.take()).isEqualTo(Duration.ofMillis(100));
    assertThat(t.take()).isEqualTo(Duration.ofMillis(200));
    nanos.addAndGet(Duration.ofMillis(300).toNanos());
    assertThat(t.take()).isEqualTo(Duration.ZERO);
  }

  @Test
  void atMostOneSecondOfPermitsIsSavedUp() {
    Throttle t = new Throttle(5, nanos::get);
    nanos.addAndGet(Duration.ofSeconds(60).toNanos());
    for (int i = 0; i < 5; i++) {
      assertThat(t.take()).isEqualTo(Duration.ZERO);
    }
    assertThat(t.take()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void unlimitedNeverWaitsAndARateMustBePositive() {
    Throttle t = Throttle.unlimited();
    for (int i = 0; i < 1000; i++) {
      assertThat(t.take()).isEqualTo(Duration.ZERO);
    }
    assertThatThrownBy(() -> new Throttle(0, nanos::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Throttle(Double.NaN, nanos::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
