package org.receivables.kit.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a service remembers the answers it gave to keyed requests. */
@ConfigMapping(prefix = "service-kit.idempotency")
public interface IdempotencyConfig {

  /** Build-time switch for the purge job: only services that store keyed answers need it. */
  @WithDefault("false")
  boolean enabled();

  /** How long a key and its answer are kept; clients may retry safely within it. */
  @WithDefault("PT24H")
  Duration retention();

  /** How often expired keys are deleted. */
  @WithDefault("1h")
  Duration purgeInterval();
}
