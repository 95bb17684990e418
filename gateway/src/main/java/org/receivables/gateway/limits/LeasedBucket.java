package org.receivables.gateway.limits;

/**
 * One replica's share of a shared bucket: tokens leased from {@link SharedBuckets} and spent here
 * without asking the database, so that the request path never waits for PostgreSQL while the shared
 * bucket is known to be short. The next share is leased in the background once half of this one is
 * spent, so steady traffic never waits either. A replica holds at most one share (a tenth of a
 * second's worth of tokens) beyond what requests waiting here take at once, so all replicas
 * together never admit more than the shared bucket gave out, plus at most one share each held from
 * an earlier moment.
 *
 * <p>A request finding nothing held here waits for a lease only while the shared bucket is believed
 * to have tokens: the bucket is new here, or its last lease was granted in full. Once a lease comes
 * back short (the shared bucket is drained) every request finding nothing held is refused at once,
 * and the next lease is asked in the background, not before half a share may have refilled. A lease
 * asks for what the requests waiting for it need, so a crowd arriving at once on a fresh replica is
 * served by one round trip, not one per share. Time is passed in (nanoseconds).
 */
final class LeasedBucket {

  /** {@link #take}: nothing held here and the shared bucket may have tokens: lease first. */
  static final long LEASE = -1;

  private final int share;
  private final int most;
  private final long tokenNanos;
  private int tokens;

  /** Set when a lease found the shared bucket drained; only then does {@link #emptyUntil} count. */
  private boolean knownEmpty;

  private long emptyUntil;
  private boolean leasing;
  private int wanted;
  private int waiting;
  private boolean scarce;

  /**
   * {@code tokenNanos}: how long the shared bucket takes to refill one token; {@code most}: the
   * largest lease (the shared bucket's burst). A new bucket is not known empty at any time: a
   * request on another event loop may read the clock just before this one is created, and must not
   * be refused for it.
   */
  LeasedBucket(int share, int most, long tokenNanos) {
    this.share = Math.max(1, share);
    this.most = Math.max(this.share, most);
    this.tokenNanos = Math.max(1, tokenNanos);
  }

  /**
   * 0 when a token was taken, {@link #LEASE} when the request is to wait for a lease (it then
   * counts as waiting until the lease is in), else the wait (ns) of a refusal.
   */
  synchronized long take(long now) {
    if (tokens > 0) {
      tokens--;
      return 0;
    }
    if (emptyAt(now)) {
      return emptyUntil - now;
    }
    if (scarce) {
      return tokenNanos;
    }
    waiting++;
    return LEASE;
  }

  /**
   * How many tokens to lease now, 0 for none: half the share is spent (or requests wait), the
   * shared bucket is not known to be drained, and no other lease is under way. A positive answer
   * marks a lease started; it asks for the rest of the share, or one token per waiting request when
   * more are waiting, at most the burst.
   */
  synchronized int startLease(long now) {
    if (leasing || (waiting == 0 && tokens > share / 2) || emptyAt(now)) {
      return 0;
    }
    leasing = true;
    wanted = Math.min(most, Math.max(share - tokens, waiting));
    return wanted;
  }

  /** Whether a lease is under way (a request needing one waits for it). */
  synchronized boolean leasing() {
    return leasing;
  }

  /**
   * Adds what a lease granted. Less than asked: the shared bucket is drained; requests finding
   * nothing here are refused until it may have refilled ({@code waitNanos} when nothing was
   * granted, else half a share's refill), and no lease is asked before then.
   */
  synchronized void leased(int granted, long waitNanos, long now) {
    leasing = false;
    scarce = granted < wanted;
    tokens = Math.min(Math.max(share, waiting), tokens + granted);
    waiting = 0; // each retakes now: served from these tokens, refused, or waiting anew
    knownEmpty = scarce;
    if (granted == 0) {
      emptyUntil = now + Math.max(1, waitNanos);
    } else if (scarce) {
      emptyUntil = now + tokenNanos * Math.max(1, share / 2);
    }
  }

  private boolean emptyAt(long now) {
    return knownEmpty && now - emptyUntil < 0;
  }

  /** The lease failed (database unavailable): nothing changes, another may be tried. */
  synchronized void leaseFailed() {
    leasing = false;
    waiting = 0;
  }

  /** Gives back a token taken by a request that another limit then refused. */
  synchronized void giveBack() {
    tokens = Math.min(share, tokens + 1);
  }
}
