package org.receivables.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeasedBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void spendsWhatWasLeasedThenAsksForMore() {
    LeasedBucket bucket = new LeasedBucket(SECOND, 0);
    assertThat(bucket.take(0)).isEqualTo(LeasedBucket.LEASE);
    assertThat(bucket.startLease(0, 1)).isTrue();
    // one lease at a time
    assertThat(bucket.startLease(0, 1)).isFalse();
    bucket.leased(3, 0, 0);
    assertThat(bucket.take(1)).isZero();
    assertThat(bucket.take(2)).isZero();
    assertThat(bucket.take(3)).isZero();
    assertThat(bucket.take(4)).isEqualTo(LeasedBucket.LEASE);
  }

  @Test
  void startsTheNextLeaseBeforeTheLastTokenIsSpent() {
    LeasedBucket bucket = new LeasedBucket(SECOND, 0);
    bucket.startLease(0, 2);
    bucket.leased(4, 0, 0);
    assertThat(bucket.take(1)).isZero();
    assertThat(bucket.startLease(1, 2)).as("3 left, above the low water").isFalse();
    assertThat(bucket.take(2)).isZero();
    assertThat(bucket.startLease(2, 2)).as("2 left").isTrue();
  }

  @Test
  void anEmptySharedBucketIsRefusedHereUntilItRefills() {
    LeasedBucket bucket = new LeasedBucket(SECOND, 0);
    bucket.startLease(0, 1);
    bucket.leased(0, SECOND / 4, 0);
    assertThat(bucket.take(0)).isEqualTo(SECOND / 4);
    assertThat(bucket.startLease(SECOND / 8, 1)).as("known empty: no lease").isFalse();
    assertThat(bucket.take(SECOND / 8)).isEqualTo(SECOND / 8);
    assertThat(bucket.take(SECOND / 4)).isEqualTo(LeasedBucket.LEASE);
  }

  @Test
  void aLeaseUnspentForItsLifetimeIsDropped() {
    LeasedBucket bucket = new LeasedBucket(SECOND, 0);
    bucket.startLease(0, 1);
    bucket.leased(5, 0, 0);
    assertThat(bucket.take(SECOND)).as("expired").isEqualTo(LeasedBucket.LEASE);
    bucket.startLease(SECOND, 1);
    bucket.leased(1, 0, SECOND);
    assertThat(bucket.take(SECOND + 1)).isZero();
    assertThat(bucket.take(SECOND + 2))
        .as("the old leftovers are gone")
        .isEqualTo(LeasedBucket.LEASE);
  }

  @Test
  void aTokenGivenBackIsSpentAgain() {
    LeasedBucket bucket = new LeasedBucket(SECOND, 0);
    bucket.startLease(0, 1);
    bucket.leased(1, 0, 0);
    assertThat(bucket.take(1)).isZero();
    bucket.giveBack(2);
    assertThat(bucket.take(3)).isZero();
  }

  @Test
  void aFailedLeaseLetsTheNextRequestTryAgain() {
    LeasedBucket bucket = new LeasedBucket(SECOND, 0);
    assertThat(bucket.startLease(0, 1)).isTrue();
    bucket.leaseFailed();
    assertThat(bucket.startLease(1, 1)).isTrue();
  }

  @Test
  void aShareIsATenthOfASecondWithinOneAndTheBurst() {
    assertThat(RateLimits.share(200, 400)).isEqualTo(20);
    assertThat(RateLimits.share(0.2, 1)).isEqualTo(1);
    assertThat(RateLimits.share(1000, 50)).isEqualTo(50);
  }
}
