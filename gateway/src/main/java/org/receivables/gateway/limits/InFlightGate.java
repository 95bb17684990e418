package org.receivables.gateway.limits;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ceiling on requests in flight to one upstream service. Beyond it a request is refused at once:
 * a queue without bound would only turn overload into ever longer waits and, in the end, into
 * timeouts for everyone, while a quick refusal lets clients back off and the ones admitted finish
 * in normal time.
 */
final class InFlightGate {

  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();

  InFlightGate(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("an in-flight limit must be at least 1, not " + max);
    }
    this.max = max;
  }

  /** Takes a place; false (and nothing taken) when all {@code max} places are taken. */
  boolean tryEnter() {
    while (true) {
      int now = inFlight.get();
      if (now >= max) {
        refused.incrementAndGet();
        return false;
      }
      if (inFlight.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back a place taken by {@link #tryEnter}; once per place. */
  void leave() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  int max() {
    return max;
  }

  /** How many requests were refused since start. */
  long refused() {
    return refused.get();
  }
}
