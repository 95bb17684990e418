package org.receivables.gateway.http;

import java.util.OptionalLong;

/**
 * Lets the first of a burst of like events be logged and then at most one line per interval that
 * says how many followed: a silent service under load fails hundreds of requests a second, and a
 * line for each would bury everything else in the log without saying more. Time is passed in
 * (nanoseconds).
 */
public final class OncePerBurst {

  private final long intervalNanos;
  private boolean reported;
  private long lastReport;
  private long suppressed;

  public OncePerBurst(long intervalNanos) {
    this.intervalNanos = Math.max(1, intervalNanos);
  }

  /**
   * Present when this event is to be logged: then it holds how many like events were not logged
   * since the last one that was. Empty: count it and stay quiet.
   */
  public synchronized OptionalLong report(long now) {
    if (reported && now - lastReport < intervalNanos) {
      suppressed++;
      return OptionalLong.empty();
    }
    long quiet = suppressed;
    suppressed = 0;
    reported = true;
    lastReport = now;
    return OptionalLong.of(quiet);
  }
}
