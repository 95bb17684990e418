package org.receivables.gateway.limits;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code ratePerSecond}. Time is passed
 * in (nanoseconds), so the arithmetic is tested without sleeping.
 */
final class TokenBucket {

  private final double ratePerNano;
  private final double capacity;
  private double tokens;
  private long last;

  TokenBucket(double ratePerSecond, int burst, long now) {
    this.ratePerNano = ratePerSecond / 1_000_000_000d;
    this.capacity = Math.max(1, burst);
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes one token; returns 0 when granted, else the nanoseconds until one is available. */
  synchronized long take(long now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / ratePerNano);
  }

  /** Like {@link #take} without taking: 0 when a token is there, else the nanoseconds to wait. */
  synchronized long waitFor(long now) {
    refill(now);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
  }

  /** Full again: the bucket says nothing a fresh one would not, so it may be forgotten. */
  synchronized boolean full(long now) {
    refill(now);
    return tokens >= capacity;
  }

  /** Gives back a token taken by a request that another limit then refused. */
  synchronized void giveBack() {
    tokens = Math.min(capacity, tokens + 1);
  }

  private void refill(long now) {
    if (now > last) {
      tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
      last = now;
    }
  }
}
