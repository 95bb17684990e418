package org.receivables.gateway.limits;

/**
 * One replica's share of a shared bucket: tokens leased from {@link SharedBuckets} and spent here
 * without asking the database. A lease that is not spent within its lifetime is dropped, so a
 * replica never hoards tokens it took earlier; they are lost rather than spent twice, which keeps
 * the shared limit a ceiling. When the shared bucket was found empty, requests are refused here
 * until it has refilled, without asking again. Time is passed in (nanoseconds).
 */
final class LeasedBucket {

  /** {@link #take}: nothing leased here and the shared bucket may have tokens: lease first. */
  static final long LEASE = -1;

  private final long leaseNanos;
  private int tokens;
  private long leaseEnds;
  private long emptyUntil;
  private boolean leasing;

  LeasedBucket(long leaseNanos, long now) {
    this.leaseNanos = leaseNanos;
    this.leaseEnds = now;
    this.emptyUntil = now;
  }

  /** 0 when a token was taken, {@link #LEASE} when a lease is needed, else the wait (ns). */
  synchronized long take(long now) {
    if (tokens > 0 && now - leaseEnds < 0) {
      tokens--;
      return 0;
    }
    if (now - emptyUntil < 0) {
      return emptyUntil - now;
    }
    return LEASE;
  }

  /**
   * Whether the caller should lease now: tokens are down to {@code lowWater} or gone, the shared
   * bucket is not known to be empty, and no other lease is under way. True marks a lease started.
   */
  synchronized boolean startLease(long now, int lowWater) {
    boolean low = tokens <= lowWater || now - leaseEnds >= 0;
    if (leasing || !low || now - emptyUntil < 0) {
      return false;
    }
    leasing = true;
    return true;
  }

  /** Whether a lease is under way (a request needing one waits for it). */
  synchronized boolean leasing() {
    return leasing;
  }

  /** Adds what a lease granted; none granted: the shared bucket is empty for {@code waitNanos}. */
  synchronized void leased(int granted, long waitNanos, long now) {
    leasing = false;
    if (now - leaseEnds >= 0) {
      tokens = 0; // the earlier lease ran out: its leftovers are dropped
    }
    tokens += granted;
    leaseEnds = now + leaseNanos;
    emptyUntil = granted > 0 ? now : now + Math.max(1, waitNanos);
  }

  /** The lease failed (database unavailable): nothing changes, another may be tried. */
  synchronized void leaseFailed() {
    leasing = false;
  }

  /** Gives back a token taken by a request that another limit then refused. */
  synchronized void giveBack(long now) {
    if (now - leaseEnds < 0) {
      tokens++;
    }
  }
}
