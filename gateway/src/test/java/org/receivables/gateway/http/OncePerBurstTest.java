package org.receivables.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OncePerBurstTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void theFirstOfABurstIsSaidTheRestCountedAndSummedUpOnceThePeriodIsOver() {
    OncePerBurst once = new OncePerBurst(30 * SECOND);
    assertThat(once.report(0)).hasValue(0);
    for (int i = 1; i <= 250; i++) {
      assertThat(once.report(i * SECOND / 10)).as("event %d", i).isEmpty();
    }
    assertThat(once.report(30 * SECOND)).as("the next line says how many were not").hasValue(250);
    assertThat(once.report(31 * SECOND)).isEmpty();
    assertThat(once.report(61 * SECOND)).hasValue(1);
  }

  @Test
  void aLoneEventAfterAQuietPeriodIsSaidAtOnce() {
    OncePerBurst once = new OncePerBurst(30 * SECOND);
    assertThat(once.report(5 * SECOND)).hasValue(0);
    assertThat(once.report(500 * SECOND)).hasValue(0);
  }
}
