package org.receivables.kit.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" for rules that default their as-of date: the tenant's local date, from an injected {@link
 * Clock} so that tests and replays choose the day.
 */
@ApplicationScoped
public class BusinessCalendar {

  /** Time settings of the suite. */
  @ConfigMapping(prefix = "service-kit.time")
  public interface TimeConfig {
    /** The time zone of tenants that configure none. */
    @WithDefault("Europe/Paris")
    ZoneId defaultZone();
  }

  @Inject Clock clock;
  @Inject TimeConfig config;

  public LocalDate today() {
    return LocalDate.now(clock.withZone(config.defaultZone()));
  }

  public LocalDate asOfOrToday(LocalDate asOf) {
    return asOf != null ? asOf : today();
  }

  /** The system clock; a test or a service may produce another {@link Clock} bean instead. */
  @ApplicationScoped
  public static class ClockProducer {
    @Produces
    @io.quarkus.arc.DefaultBean
    @ApplicationScoped
    Clock clock() {
      return Clock.systemUTC();
    }
  }
}
