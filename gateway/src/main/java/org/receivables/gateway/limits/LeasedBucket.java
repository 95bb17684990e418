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
 * to have tokens: the bucket is new here, or its last lease was granted in full and left at least
 * another share behind. Once a lease comes back short, or takes the shared bucket below a share
 * (drained, or about to be), every request finding nothing held is refused at once, and the next
 * lease is asked in the background, not before half a share may have refilled. A full grant alone
 * is no sign of plenty: under overload a paced lease often finds just the share it asks for, and
 * the requests that then queued behind the next round trip to PostgreSQL were mostly refused after
 * it (issue #17). Nor does a request wait when more already wait than the shared bucket can hold
 * (what the last lease left it, refilled since): the lease could not serve it. A lease asks for
 * what the requests waiting for it need, so a crowd arriving at once on a fresh replica is served
 * by one round trip, not one per share. Time is passed in (nanoseconds).
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

  /** What the shared bucket held after this replica's last lease (unknown before the first). */
  private double left = Double.POSITIVE_INFINITY;

  /** When the last lease started: the shared bucket has refilled at least since then. */
  private long leftSince;

  private long leaseStart;

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
    double room = room(now);
    if (waiting >= Math.floor(room)) {
      // More wait already than the shared bucket can hold (other replicas only take from it).
      return Math.max(1, (long) Math.ceil((waiting + 1 - room) * tokenNanos));
    }
    waiting++;
    return LEASE;
  }

  /** At most what the shared bucket holds now: what the last lease left, refilled since. */
  private double room(long now) {
    return Math.min(most, left + Math.max(0, now - leftSince) / (double) tokenNanos);
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
    leaseStart = now;
    wanted = Math.min(most, Math.max(share - tokens, waiting));
    return wanted;
  }

  /** Whether a lease is under way (a request needing one waits for it). */
  synchronized boolean leasing() {
    return leasing;
  }

  /**
   * Adds what a lease granted; {@code left}: what the shared bucket still holds after it. Less than
   * asked, or less than a share left: the shared bucket is drained or about to be; requests finding
   * nothing here are refused until it may have refilled ({@code waitNanos} when nothing was
   * granted, else half a share's refill), and no lease is asked before then.
   */
  synchronized void leased(int granted, double left, long waitNanos, long now) {
    leasing = false;
    scarce = granted < wanted || left < share;
    this.left = left;
    leftSince = leaseStart;
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
