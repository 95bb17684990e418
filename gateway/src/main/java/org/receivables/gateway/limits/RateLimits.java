package org.receivables.gateway.limits;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.auth.Caller;
import org.receivables.gateway.http.Problems;

/**
 * Rate limits per credential and per tenant, so that one runaway ERP job cannot starve the other
 * clients of its tenant, nor one tenant the others. A refused request gets 429 with the seconds to
 * wait in {@code Retry-After}.
 *
 * <p>Buckets live in this gateway replica: with N replicas behind a load balancer a client may get
 * up to N times the configured rate (documented in docs/security.md).
 */
@ApplicationScoped
public class RateLimits {

  private final GatewayConfig config;
  private final Map<String, TokenBucket> perKey = new ConcurrentHashMap<>();
  private final Map<String, TokenBucket> perTenant = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  @Inject
  public RateLimits(GatewayConfig config) {
    this(config, System::nanoTime);
  }

  RateLimits(GatewayConfig config, LongSupplier clock) {
    this.config = config;
    this.clock = clock;
  }

  public void handle(RoutingContext ctx) {
    Caller caller = ctx.get(Caller.KEY);
    long waitNanos = admit(caller);
    if (waitNanos == 0) {
      ctx.next();
      return;
    }
    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    Problems.send(ctx, 429, "Too many requests", "Rate limit reached; retry in " + seconds + " s.");
  }

  /** 0 when the request may go on, else how long to wait (nanoseconds). */
  long admit(Caller caller) {
    long now = clock.getAsLong();
    GatewayConfig.Bucket key = config.rateLimit().perKey();
    double keyRate =
        caller.requestsPerSecond() != null ? caller.requestsPerSecond() : key.requestsPerSecond();
    int keyBurst =
        caller.requestsPerSecond() != null ? (int) Math.max(1, Math.ceil(keyRate)) : key.burst();
    TokenBucket own =
        perKey.computeIfAbsent(caller.id(), id -> new TokenBucket(keyRate, keyBurst, now));
    long wait = own.take(now);
    if (wait > 0) {
      return wait;
    }
    GatewayConfig.Bucket tenant = config.rateLimit().perTenant();
    long tenantWait =
        perTenant
            .computeIfAbsent(
                caller.tenant(),
                t -> new TokenBucket(tenant.requestsPerSecond(), tenant.burst(), now))
            .take(now);
    if (tenantWait > 0) {
      own.giveBack();
    }
    return tenantWait;
  }
}
