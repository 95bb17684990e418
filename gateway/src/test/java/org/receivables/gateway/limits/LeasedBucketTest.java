package org.receivables.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeasedBucketTest {

  private static final long SECOND = 1_000_000_000L;

  /** The shared bucket's refill: one token each 10 ms. */
  private static final long TOKEN = SECOND / 100;

  /** What a lease leaves in a shared bucket that is far from drained. */
  private static final double PLENTY = 100;

  @Test
  void spendsWhatWasLeasedThenAsksForMore() {
    LeasedBucket bucket = new LeasedBucket(3, 100, TOKEN);
    assertThat(bucket.take(0)).isEqualTo(LeasedBucket.LEASE);
    assertThat(bucket.startLease(0)).isEqualTo(3);
    assertThat(bucket.startLease(0)).as("one lease at a time").isZero();
    bucket.leased(3, PLENTY, 0, 0);
    assertThat(bucket.take(1)).isZero();
    assertThat(bucket.take(2)).isZero();
    assertThat(bucket.take(3)).isZero();
    assertThat(bucket.take(4)).isEqualTo(LeasedBucket.LEASE);
  }

  @Test
  void leasesTheRestOfItsShareOnceHalfIsSpent() {
    LeasedBucket bucket = new LeasedBucket(4, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(4, PLENTY, 0, 0);
    assertThat(bucket.take(1)).isZero();
    assertThat(bucket.startLease(1)).as("3 left, more than half").isZero();
    assertThat(bucket.take(2)).isZero();
    assertThat(bucket.startLease(2)).as("2 left: the 2 missing").isEqualTo(2);
    bucket.leased(2, PLENTY, 0, 3);
    assertThat(bucket.startLease(4)).as("full share again").isZero();
  }

  @Test
  void neverHoldsMoreThanItsShare() {
    LeasedBucket bucket = new LeasedBucket(2, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(2, PLENTY, 0, 0);
    bucket.giveBack();
    assertThat(bucket.take(1)).isZero();
    assertThat(bucket.take(2)).isZero();
    assertThat(bucket.take(3)).isEqualTo(LeasedBucket.LEASE);
  }

  @Test
  void anEmptySharedBucketIsRefusedHereUntilItRefills() {
    LeasedBucket bucket = new LeasedBucket(1, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(0, 0.5, SECOND / 4, 0);
    assertThat(bucket.take(0)).isEqualTo(SECOND / 4);
    assertThat(bucket.startLease(SECOND / 8)).as("known empty: no lease").isZero();
    assertThat(bucket.take(SECOND / 8)).isEqualTo(SECOND / 8);
    assertThat(bucket.take(SECOND / 4))
        .as("refilled maybe, still scarce: refused")
        .isEqualTo(TOKEN);
    assertThat(bucket.startLease(SECOND / 4)).as("the next lease, in the background").isEqualTo(1);
  }

  @Test
  void aShortLeaseMakesRequestsFindingNothingRefusedAtOnceAndPacesTheNextLease() {
    LeasedBucket bucket = new LeasedBucket(4, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(2, 0.5, 0, 0); // asked 4, got 2: the shared bucket is drained
    assertThat(bucket.take(1)).isZero();
    assertThat(bucket.take(2)).isZero();
    assertThat(bucket.take(3))
        .as("nothing held, drained: refused until half a share may have refilled")
        .isEqualTo(2 * TOKEN - 3);
    assertThat(bucket.startLease(3)).as("no lease before then").isZero();
    assertThat(bucket.take(2 * TOKEN)).as("still scarce: refused at once").isEqualTo(TOKEN);
    assertThat(bucket.startLease(2 * TOKEN)).as("the next lease, in the background").isEqualTo(4);
    assertThat(bucket.take(2 * TOKEN + 1))
        .as("scarce and a lease under way: refused, not queued behind it")
        .isEqualTo(TOKEN);
    bucket.leased(4, PLENTY, 0, 2 * TOKEN + 2);
    assertThat(bucket.take(2 * TOKEN + 3)).as("a full lease: plenty again").isZero();
  }

  @Test
  void aFullLeaseThatLeavesLessThanAShareBehindMakesRequestsFindingNothingRefusedAtOnce() {
    LeasedBucket bucket = new LeasedBucket(4, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(4, 3, 0, 0); // asked 4, got 4, but only 3 are left: about to be drained
    for (int i = 1; i <= 4; i++) {
      assertThat(bucket.take(i)).isZero();
    }
    assertThat(bucket.take(5))
        .as("nothing held, the shared bucket nearly drained: refused, not queued behind a lease")
        .isPositive();
    assertThat(bucket.startLease(2 * TOKEN)).as("the next lease, in the background").isEqualTo(4);
    assertThat(bucket.take(2 * TOKEN + 1)).as("refused while it runs").isPositive();
    bucket.leased(4, 40, 0, 2 * TOKEN + 2);
    assertThat(bucket.take(2 * TOKEN + 3)).isZero();
  }

  @Test
  void noMoreRequestsWaitForALeaseThanTheSharedBucketCanHold() {
    LeasedBucket bucket = new LeasedBucket(4, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(4, 10, 0, 0); // 10 left: plenty, but not for everyone
    for (int i = 0; i < 4; i++) {
      bucket.take(1);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.take(1)).as("waiting request %d", i).isEqualTo(LeasedBucket.LEASE);
    }
    assertThat(bucket.take(1))
        .as("the eleventh could only be refused after the lease")
        .isPositive();
    assertThat(bucket.take(TOKEN))
        .as("one more token refilled: one more may wait")
        .isEqualTo(LeasedBucket.LEASE);
  }

  @Test
  void onceScarceARequestIsNeverToldToWaitForALease() {
    LeasedBucket bucket = new LeasedBucket(1, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(0, 0.5, TOKEN, 0);
    for (long now = 0; now < 10 * TOKEN; now += TOKEN / 3) {
      assertThat(bucket.take(now)).as("at %d ns", now).isPositive();
      int want = bucket.startLease(now);
      if (want > 0) {
        bucket.leased(0, 0.5, TOKEN, now);
      }
    }
  }

  @Test
  void aLeaseAsksForEveryRequestWaitingForIt() {
    LeasedBucket bucket = new LeasedBucket(2, 10, TOKEN);
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.take(0)).isEqualTo(LeasedBucket.LEASE);
    }
    assertThat(bucket.startLease(0)).as("one token per waiting request").isEqualTo(5);
    bucket.leased(5, PLENTY, 0, 1);
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.take(2)).as("the waiting requests are served").isZero();
    }
    assertThat(bucket.take(2)).isEqualTo(LeasedBucket.LEASE);
  }

  @Test
  void aLeaseNeverAsksForMoreThanTheBurst() {
    LeasedBucket bucket = new LeasedBucket(2, 3, TOKEN);
    for (int i = 0; i < 50; i++) {
      bucket.take(0);
    }
    assertThat(bucket.startLease(0)).isEqualTo(3);
  }

  @Test
  void aFreshBucketWaitsForItsFirstLeaseInsteadOfRefusing() {
    LeasedBucket bucket = new LeasedBucket(4, 100, TOKEN);
    assertThat(bucket.take(0)).isEqualTo(LeasedBucket.LEASE);
    assertThat(bucket.startLease(0)).isEqualTo(4);
    assertThat(bucket.take(1))
        .as("a lease is under way: wait for it")
        .isEqualTo(LeasedBucket.LEASE);
  }

  /**
   * Two first requests on two event loops: the one that read the clock first may find the bucket
   * made by the other. CI once saw it refused with 429 as if the shared bucket were empty.
   */
  @Test
  void aRequestThatReadTheClockBeforeTheBucketWasMadeIsNotRefused() {
    LeasedBucket bucket = new LeasedBucket(4, 100, TOKEN);
    assertThat(bucket.startLease(10)).isEqualTo(4);
    assertThat(bucket.take(5))
        .as("not known empty: wait for the lease")
        .isEqualTo(LeasedBucket.LEASE);
    bucket.leased(4, PLENTY, 0, 12);
    assertThat(bucket.take(5)).isZero();
  }

  @Test
  void aTokenGivenBackIsSpentAgain() {
    LeasedBucket bucket = new LeasedBucket(1, 100, TOKEN);
    bucket.startLease(0);
    bucket.leased(1, PLENTY, 0, 0);
    assertThat(bucket.take(1)).isZero();
    bucket.giveBack();
    assertThat(bucket.take(3)).isZero();
  }

  @Test
  void aFailedLeaseLetsTheNextRequestTryAgain() {
    LeasedBucket bucket = new LeasedBucket(1, 100, TOKEN);
    assertThat(bucket.startLease(0)).isEqualTo(1);
    bucket.leaseFailed();
    assertThat(bucket.startLease(1)).isEqualTo(1);
  }

  @Test
  void aShareIsATenthOfASecondWithinOneAndTheBurst() {
    assertThat(RateLimits.share(200, 400)).isEqualTo(20);
    assertThat(RateLimits.share(0.2, 1)).isEqualTo(1);
    assertThat(RateLimits.share(1000, 50)).isEqualTo(50);
  }
}
