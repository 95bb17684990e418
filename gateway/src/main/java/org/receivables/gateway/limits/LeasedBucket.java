package org.receivables.gateway.limits;

/**
 * One replica's share of a shared bucket: tokens leased from {@link SharedBuckets} and spent here
 * without asking the database. The next share is leased in the background once half of this one is
 * spent, so steady traffic never waits for the database. A replica holds at most one share (a tenth
 * of a second's worth of tokens), so all replicas together never admit more than the shared bucket
 * gave out, plus at most one share each held from an earlier moment. When the shared bucket was
 * found empty, requests are refused here until it has refilled, without asking again; while it is
 * scarce (the last lease got less than it asked for), a request finding nothing here is refused at
 * once rather than queued behind the lease under way, so that overload is answered in microseconds,
 * not after a database round trip. Time is passed in (nanoseconds).
 */
final class LeasedBucket {

  /** {@link #take}: nothing held here and the shared bucket may have tokens: lease first. */
  static final long LEASE = -1;

  private final int share;
  private final long tokenNanos;
  private int tokens;

  /** Set when a lease found the shared bucket empty; only then does {@link #emptyUntil} count. */
  private boolean knownEmpty;

  private long emptyUntil;
  private boolean leasing;
  private int wanted;
  private boolean scarce;

  /**
   * {@code tokenNanos}: how long the shared bucket takes to refill one token. A new bucket is not
   * known empty at any time: a request on another event loop may read the clock just before this
   * one is created, and must not be refused for it.
   */
  LeasedBucket(int share, long tokenNanos) {
    this.share = Math.max(1, share);
    this.tokenNanos = Math.max(1, tokenNanos);
  }

  /** 0 when a token was taken, {@link #LEASE} when a lease is needed, else the wait (ns). */
  synchronized long take(long now) {
    if (tokens > 0) {
      tokens--;
      return 0;
    }
    if (emptyAt(now)) {
      return emptyUntil - now;
    }
    if (leasing && scarce) {
      return tokenNanos;
    }
    return LEASE;
  }

  /**
   * How many tokens to lease now, 0 for none: half the share is spent, the shared bucket is not
   * known to be empty, and no other lease is under way. A positive answer marks a lease started.
   */
  synchronized int startLease(long now) {
    if (leasing || tokens > share / 2 || emptyAt(now)) {
      return 0;
    }
    leasing = true;
    wanted = share - tokens;
    return wanted;
  }

  /** Whether a lease is under way (a request needing one waits for it). */
  synchronized boolean leasing() {
    return leasing;
  }

  /** Adds what a lease granted; none granted: the shared bucket is empty for {@code waitNanos}. */
  synchronized void leased(int granted, long waitNanos, long now) {
    leasing = false;
    scarce = granted < wanted;
    tokens = Math.min(share, tokens + granted);
    knownEmpty = granted == 0;
    if (knownEmpty) {
      emptyUntil = now + Math.max(1, waitNanos);
    }
  }

  private boolean emptyAt(long now) {
    return knownEmpty && now - emptyUntil < 0;
  }

  /** The lease failed (database unavailable): nothing changes, another may be tried. */
  synchronized void leaseFailed() {
    leasing = false;
  }

  /** Gives back a token taken by a request that another limit then refused. */
  synchronized void giveBack() {
    tokens = Math.min(share, tokens + 1);
  }
}
