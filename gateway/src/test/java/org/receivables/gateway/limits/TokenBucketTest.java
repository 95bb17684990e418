package org.receivables.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsTheBurstThenRefillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(2, 3, 0);
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    // empty: the next token comes after 1/2 s
    assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
    assertThat(bucket.take(SECOND / 2)).isZero();
    // a long pause never refills beyond the burst
    long later = 100 * SECOND;
    assertThat(bucket.take(later)).isZero();
    assertThat(bucket.take(later)).isZero();
    assertThat(bucket.take(later)).isZero();
    assertThat(bucket.take(later)).isPositive();
  }

  @Test
  void aTokenGivenBackCanBeTakenAgain() {
    TokenBucket bucket = new TokenBucket(1, 1, 0);
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isPositive();
    bucket.giveBack();
    assertThat(bucket.take(0)).isZero();
  }
}
