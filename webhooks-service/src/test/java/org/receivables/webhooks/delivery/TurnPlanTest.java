package org.receivables.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnPlanTest {

  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(40);

  @Test
  void aTurnClaimsAtMostABatchAndNeverMoreThanItsRest() {
    assertThat(TurnPlan.claimSize(0, 50)).isEqualTo(TurnPlan.BATCH);
    assertThat(TurnPlan.claimSize(40, 50)).isEqualTo(10);
    assertThat(TurnPlan.claimSize(50, 50)).isZero();
    assertThat(TurnPlan.claimSize(60, 50)).isZero();
  }

  @Test
  void theLeaseIsWrittenAgainOnlyWhenLessThanHalfOfItIsLeft() {
    assertThat(TurnPlan.renewLease(T, T.plus(LEASE), LEASE)).isFalse();
    assertThat(TurnPlan.renewLease(T, T.plusSeconds(21), LEASE)).isFalse();
    assertThat(TurnPlan.renewLease(T, T.plusSeconds(19), LEASE)).isTrue();
    assertThat(TurnPlan.renewLease(T, T.minusSeconds(1), LEASE)).isTrue();
  }

  @Test
  void halfALeaseCoversASecondOfAttemptsOneMoreTimeOutAndTheRecording() {
    Duration timeout = Duration.ofSeconds(10); // webhooks.delivery.timeout; the lease is it + 30 s
    Duration lease = timeout.plusSeconds(30);
    assertThat(lease.dividedBy(2)).isGreaterThan(TurnPlan.RECORD_WITHIN.plus(timeout));
  }

  @Test
  void attemptsAreRecordedOnceASecondHasPassedSinceTheFirst() {
    long first = 1_000_000L;
    assertThat(TurnPlan.recordNow(first, first)).isFalse();
    assertThat(TurnPlan.recordNow(first, first + Duration.ofMillis(999).toNanos())).isFalse();
    assertThat(TurnPlan.recordNow(first, first + Duration.ofSeconds(1).toNanos())).isTrue();
  }

  @Test
  void successesAreRecordedTogetherAndEachFailureAloneInTheirOrder() {
    List<String> outcomes = List.of("ok1", "ok2", "fail1", "fail2", "ok3", "fail3", "ok4", "ok5");
    assertThat(TurnPlan.runs(outcomes, o -> o.startsWith("ok")))
        .containsExactly(
            List.of("ok1", "ok2"),
            List.of("fail1"),
            List.of("fail2"),
            List.of("ok3"),
            List.of("fail3"),
            List.of("ok4", "ok5"));
    assertThat(TurnPlan.runs(List.<String>of(), o -> true)).isEmpty();
  }

  private record D(String id, String customer) {}

  private static List<List<String>> waves(int width, D... due) {
    return TurnPlan.waves(List.of(due), D::customer, width).stream()
        .map(w -> w.stream().map(D::id).toList())
        .toList();
  }

  @Test
  void aWaveHoldsAtMostTheConcurrencyOfDifferentCustomersOldestFirst() {
    assertThat(waves(2, new D("1", "a"), new D("2", "b"), new D("3", "c"), new D("4", "d")))
        .containsExactly(List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void aCustomersDeliveriesGoOneAfterTheOtherInTheirOrder() {
    assertThat(waves(4, new D("1", "a"), new D("2", "a"), new D("3", "b"), new D("4", "a")))
        .containsExactly(List.of("1", "3"), List.of("2"), List.of("4"));
  }

  @Test
  void deliveriesWithoutACustomerAreOneLineOfTheirOwn() {
    assertThat(waves(4, new D("1", null), new D("2", "a"), new D("3", null)))
        .containsExactly(List.of("1", "2"), List.of("3"));
  }

  @Test
  void withConcurrencyOneEveryDeliveryIsAWaveOfItsOwn() {
    assertThat(waves(1, new D("1", "a"), new D("2", "b"), new D("3", "a")))
        .containsExactly(List.of("1"), List.of("2"), List.of("3"));
  }
}
