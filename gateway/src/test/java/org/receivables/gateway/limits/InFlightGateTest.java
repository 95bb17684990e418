package org.receivables.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightGateTest {

  @Test
  void admitsUpToTheLimitThenRefusesUntilAPlaceIsGivenBack() {
    InFlightGate gate = new InFlightGate(2);
    assertThat(gate.tryEnter()).isTrue();
    assertThat(gate.tryEnter()).isTrue();
    assertThat(gate.tryEnter()).isFalse();
    assertThat(gate.tryEnter()).isFalse();
    assertThat(gate.inFlight()).isEqualTo(2);
    assertThat(gate.refused()).isEqualTo(2);

    gate.leave();
    assertThat(gate.inFlight()).isEqualTo(1);
    assertThat(gate.tryEnter()).isTrue();
    assertThat(gate.tryEnter()).isFalse();
    assertThat(gate.refused()).isEqualTo(3);
  }

  @Test
  void aRefusalTakesNoPlace() {
    InFlightGate gate = new InFlightGate(1);
    assertThat(gate.tryEnter()).isTrue();
    for (int i = 0; i < 10; i++) {
      assertThat(gate.tryEnter()).isFalse();
    }
    gate.leave();
    assertThat(gate.inFlight()).isZero();
    assertThat(gate.tryEnter()).isTrue();
  }

  @Test
  void neverAdmitsMoreThanTheLimitUnderContention() throws Exception {
    int limit = 8;
    InFlightGate gate = new InFlightGate(limit);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> admittedPerThread = new ArrayList<>();
    try {
      for (int t = 0; t < 16; t++) {
        admittedPerThread.add(
            pool.submit(
                () -> {
                  start.await();
                  int admitted = 0;
                  for (int i = 0; i < 10_000; i++) {
                    if (gate.tryEnter()) {
                      admitted++;
                      assertThat(gate.inFlight()).isBetween(1, limit);
                      gate.leave();
                    }
                  }
                  return admitted;
                }));
      }
      start.countDown();
      long admitted = 0;
      for (Future<Integer> f : admittedPerThread) {
        admitted += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(gate.inFlight()).isZero();
      assertThat(admitted + gate.refused()).isEqualTo(16 * 10_000L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLimitBelowOneIsAConfigurationError() {
    assertThatThrownBy(() -> new InFlightGate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
