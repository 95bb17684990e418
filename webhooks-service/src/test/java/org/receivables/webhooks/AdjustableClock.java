package org.receivables.webhooks;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The service's {@link Clock} in tests that must see days pass in seconds: the system clock plus an
 * offset the test moves forward, so that the service keeps running in real time between two jumps
 * (the worker's polls, leases and time-outs behave as in production). An alternative, enabled only
 * by {@link Profile}: the other tests keep the kit's system clock.
 */
@Alternative
@ApplicationScoped
public class AdjustableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock to {@code at} when that is ahead of it; never backwards. */
  public synchronized void advanceTo(Instant at) {
    Duration ahead = Duration.between(instant(), at);
    if (!ahead.isNegative()) {
      offset = offset.plus(ahead);
    }
  }

  public synchronized void advance(Duration by) {
    offset = offset.plus(by);
  }

  /** Back to the system clock. */
  public synchronized void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  /** A test profile (its own Quarkus start) with the adjustable clock as the Clock bean. */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(AdjustableClock.class);
    }
  }
}
