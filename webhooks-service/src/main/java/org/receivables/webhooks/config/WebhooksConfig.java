package org.receivables.webhooks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the webhooks service, one place for every limit a delivery obeys, so that ops tune
 * them from the environment ({@code WEBHOOKS_DELIVERY_TIMEOUT}, ...) without a release.
 */
@ConfigMapping(prefix = "webhooks")
public interface WebhooksConfig {

  Delivery delivery();

  Secrets secrets();

  /** How deliveries are attempted. */
  interface Delivery {
    /** Whether {@code http://127.0.0.1} receivers are allowed: local run and tests only. */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** Connect plus answer time-out of one attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** How often the worker looks for due deliveries. */
    @WithDefault("200ms")
    Duration poll();

    /** Threads delivering at once, one subscription each. */
    @WithDefault("8")
    int workers();

    /**
     * Requests in flight at once to one subscription (its concurrency), each to another customer:
     * one customer's deliveries are always sent one after the other.
     */
    @WithDefault("4")
    int perSubscriptionConcurrency();

    /** At most this many deliveries per second to one subscription (its rate limit). */
    @WithDefault("200")
    int perSubscriptionPerSecond();

    /** Characters of a receiver's answer kept in the delivery log. */
    @WithDefault("1024")
    int responseExcerpt();

    /** A subscription whose attempts all failed for this long is disabled. */
    @WithDefault("P3D")
    Duration disableAfter();
  }

  /** Signing secrets. */
  interface Secrets {
    /** After a rotation, how long the previous secret still signs (both signatures are sent). */
    @WithDefault("P1D")
    Duration rotationGrace();

    /**
     * The AES-256 key that seals the secrets in the database: base64 of 32 random bytes ({@code
     * openssl rand -base64 32}), from the environment ({@code WEBHOOKS_SECRETS_KEY}); no default in
     * production. Changing it leaves every stored secret unreadable.
     */
    String key();
  }
}
