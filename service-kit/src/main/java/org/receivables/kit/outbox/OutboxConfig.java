package org.receivables.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service's outbox is relayed to Kafka. */
@ConfigMapping(prefix = "service-kit.outbox")
public interface OutboxConfig {

  /** Build-time switch: only services that publish events get the relay bean. */
  @WithDefault("false")
  boolean enabled();

  /**
   * How often the relay looks for rows it was not woken for (committed by another replica, or left
   * by a failed batch); rows committed here are sent at once.
   */
  @WithDefault("0.2s")
  Duration pollInterval();

  /** The CloudEvent {@code source} of this service's events, such as {@code /invoicing}. */
  @WithDefault("/receivables")
  String source();

  /** How long after start-up the relay first polls (the Kafka channel must be ready). */
  @WithDefault("3s")
  Duration initialDelay();

  /** Rows published per relay transaction. */
  @WithDefault("200")
  int batchSize();

  /** How long the relay waits for the broker to acknowledge a batch before it retries the batch. */
  @WithDefault("30s")
  Duration sendTimeout();
}
