package org.receivables.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.LongSupplier;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.http.Problems;

/**
 * Limits failed authentications per client address, checked on the event loop before any key is
 * looked up or any signature verified: a client sending bogus API keys or Bearer tokens gets 429
 * with {@code Retry-After} once its allowance is spent, so it cannot occupy the worker threads that
 * verify tokens. Only failures spend the allowance; a client that authenticates is not slowed.
 *
 * <p>Buckets live in this gateway replica and are forgotten once full again. Their number is capped
 * ({@link #MAX_ADDRESSES}): a flood of failures from ever new addresses (IPv6 makes them cheap)
 * cannot grow the heap without end; past the cap the least used addresses are forgotten first.
 */
@ApplicationScoped
public class FailedAuthLimits {

  /** About 200 bytes each: some 20 MB at most. */
  static final int MAX_ADDRESSES = 100_000;

  private final GatewayConfig.Bucket limit;
  private final ClientAddresses addresses;
  private final LongSupplier clock;
  private final Cache<String, TokenBucket> buckets;

  @Inject
  public FailedAuthLimits(GatewayConfig config) {
    this(
        config.rateLimit().failedAuth(),
        new ClientAddresses(config.clientAddress().trustedProxies().orElse(List.of())),
        System::nanoTime,
        Caffeine.newBuilder().maximumSize(MAX_ADDRESSES));
  }

  FailedAuthLimits(
      GatewayConfig.Bucket limit,
      ClientAddresses addresses,
      LongSupplier clock,
      Caffeine<Object, Object> cache) {
    this.limit = limit;
    this.addresses = addresses;
    this.clock = clock;
    this.buckets = cache.build();
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    vertx.setPeriodic(60_000, timer -> forgetFull());
  }

  /**
   * Lets the request on to authentication, or answers 429 when its address has no failed attempt
   * left. Returns whether the request may go on.
   */
  public boolean admit(RoutingContext ctx) {
    long wait = waitNanos(client(ctx));
    if (wait == 0) {
      return true;
    }
    long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    Problems.send(
        ctx,
        429,
        "Too many requests",
        "Too many failed authentications from your address; retry in " + seconds + " s.");
    return false;
  }

  /** Spends one attempt of the request's address. */
  public void failed(RoutingContext ctx) {
    failed(client(ctx));
  }

  long waitNanos(String client) {
    TokenBucket bucket = buckets.getIfPresent(client);
    return bucket == null ? 0 : bucket.waitFor(clock.getAsLong());
  }

  void failed(String client) {
    long now = clock.getAsLong();
    buckets
        .get(client, c -> new TokenBucket(limit.requestsPerSecond(), limit.burst(), now))
        .take(now);
  }

  /** Drops buckets that have refilled, so the map holds only addresses failing right now. */
  void forgetFull() {
    long now = clock.getAsLong();
    buckets.asMap().values().removeIf(bucket -> bucket.full(now));
  }

  long tracked() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  String client(RoutingContext ctx) {
    var peer = ctx.request().remoteAddress();
    return String.valueOf(
        addresses.of(
            peer == null ? null : peer.host(), ctx.request().headers().getAll("X-Forwarded-For")));
  }
}
