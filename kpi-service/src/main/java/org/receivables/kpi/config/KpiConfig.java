package org.receivables.kpi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the KPI service. */
@ConfigMapping(prefix = "kpi")
public interface KpiConfig {

  /** The currency of figures when a request names none. */
  @WithDefault("EUR")
  String defaultCurrency();

  /** The length of the period of period KPIs when a request names no start. */
  @WithDefault("90")
  int defaultPeriodDays();

  Rebuild rebuild();

  /** Replaying the topics into fresh tables. */
  interface Rebuild {
    /** The longest a tenant's rebuild transaction may take. */
    @WithDefault("10m")
    Duration timeout();

    /** Each rebuild reads as a consumer group of this prefix and a random UUID (Kafka ACLs). */
    @WithDefault("kpi-rebuild-")
    String groupIdPrefix();
  }
}
