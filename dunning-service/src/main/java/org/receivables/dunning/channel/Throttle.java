package org.receivables.dunning.channel;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a channel under its provider's rate: each message takes a permit, and permits come back at
 * the configured rate, with at most one second's worth saved up. Shared by every sender of the
 * replica, so the rate holds whatever their number.
 */
public final class Throttle {

  private final double perSecond;
  private final LongSupplier nanoTime;
  private double permits;
  private long refilledAt;

  /** No limit. */
  public static Throttle unlimited() {
    return new Throttle(Double.POSITIVE_INFINITY, () -> 0L);
  }

  /** A throttle at {@code perSecond} messages a second; {@code nanoTime} is the clock. */
  public Throttle(double perSecond, LongSupplier nanoTime) {
    if (!(perSecond > 0)) { // also refuses NaN
      throw new IllegalArgumentException("rate must be positive: " + perSecond);
    }
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
    this.permits = 1;
    this.refilledAt = nanoTime.getAsLong();
  }

  /**
   * Takes a permit; returns how long the caller must wait before sending (zero when one was there).
   * The permit is the caller's even while it waits: later callers queue behind it.
   */
  public synchronized Duration take() {
    if (Double.isInfinite(perSecond)) {
      return Duration.ZERO;
    }
    long now = nanoTime.getAsLong();
    permits = Math.min(Math.max(1, perSecond), permits + (now - refilledAt) * perSecond / 1e9);
    refilledAt = now;
    permits -= 1;
    if (permits >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-permits / perSecond * 1e9));
  }

  /** Takes a permit and waits until it may be used. */
  public void await() {
    long nanos = take().toNanos();
    if (nanos > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(nanos);
    }
  }
}
