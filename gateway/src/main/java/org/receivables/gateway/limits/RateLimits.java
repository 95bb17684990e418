package org.receivables.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.auth.Caller;
import org.receivables.gateway.http.Problems;

/**
 * Rate limits per credential and per tenant, so that one runaway ERP job cannot starve the other
 * clients of its tenant, nor one tenant the others. A refused request gets 429 with the seconds to
 * wait in {@code Retry-After}.
 *
 * <p>The buckets are shared by all gateway replicas ({@link SharedBuckets}, in the gateway's
 * database): each replica leases a tenth of a second's worth of tokens at a time and spends them on
 * the event loop, leasing the next share in the background before the last runs out ({@link
 * LeasedBucket}). A request waits for the database only when its bucket has nothing leased here and
 * the shared bucket is believed to have tokens (new here, or its last lease granted in full with
 * another share left); once a lease came back short or nearly drained the shared bucket, refusals
 * are answered at once, on the event loop, while the next lease runs in the background, so that
 * overload never queues behind PostgreSQL. When the database cannot be reached, each replica falls
 * back to counting alone (the limit is then per replica, as it was before) until it can again.
 */
@ApplicationScoped
public class RateLimits {

  private static final Logger LOG = Logger.getLogger(RateLimits.class);

  /** After a failed lease, this replica counts alone this long before trying the database again. */
  private static final long ALONE_NANOS = Duration.ofSeconds(5).toNanos();

  private static final int MAX_BUCKETS = 100_000;

  private final GatewayConfig config;
  private final Vertx vertx;
  private final SharedBuckets shared;
  private final LongSupplier clock;
  private final Cache<String, LeasedBucket> leased = bounded();
  private final Cache<String, TokenBucket> alone = bounded();
  private final Map<String, Future<Boolean>> leasing = new ConcurrentHashMap<>();
  private final AtomicLong aloneUntil;

  @Inject
  public RateLimits(GatewayConfig config, Vertx vertx, SharedBuckets shared) {
    this(config, vertx, shared, System::nanoTime);
  }

  RateLimits(GatewayConfig config, Vertx vertx, SharedBuckets shared, LongSupplier clock) {
    this.config = config;
    this.vertx = vertx;
    this.shared = config.rateLimit().shared() ? shared : null;
    this.clock = clock;
    this.aloneUntil = new AtomicLong(clock.getAsLong());
  }

  private static <T> Cache<String, T> bounded() {
    // Idle buckets are full again long before this; a forgotten one restarts full (or leases anew).
    return Caffeine.newBuilder()
        .maximumSize(MAX_BUCKETS)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();
  }

  public void handle(RoutingContext ctx) {
    Caller caller = ctx.get(Caller.KEY);
    Future<Long> admitted = admit(caller);
    if (admitted.isComplete()) {
      answer(ctx, admitted.result() == null ? 0 : admitted.result());
      return;
    }
    // The body waits while the shared bucket is leased; the proxy (or a refusal) resumes it. The
    // lease may complete on another event loop: the answer goes back to this request's own.
    ctx.request().pause();
    Context own = ctx.vertx().getOrCreateContext();
    admitted.onComplete(
        result -> own.runOnContext(v -> answer(ctx, result.succeeded() ? result.result() : 0)));
  }

  private static void answer(RoutingContext ctx, long waitNanos) {
    if (waitNanos == 0) {
      ctx.next();
      return;
    }
    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    if (!ctx.request().isEnded()) {
      ctx.request().resume();
    }
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    Problems.send(ctx, 429, "Too many requests", "Rate limit reached; retry in " + seconds + " s.");
  }

  /** 0 when the request may go on, else how long to wait (nanoseconds). */
  Future<Long> admit(Caller caller) {
    GatewayConfig.Bucket key = config.rateLimit().perKey();
    double keyRate =
        caller.requestsPerSecond() != null ? caller.requestsPerSecond() : key.requestsPerSecond();
    int keyBurst =
        caller.requestsPerSecond() != null ? (int) Math.max(1, Math.ceil(keyRate)) : key.burst();
    GatewayConfig.Bucket tenant = config.rateLimit().perTenant();
    String keyBucket = "key:" + caller.id();
    String tenantBucket = "tenant:" + caller.tenant();
    return take(keyBucket, keyRate, keyBurst)
        .compose(
            keyWait -> {
              if (keyWait > 0) {
                return Future.succeededFuture(keyWait);
              }
              return take(tenantBucket, tenant.requestsPerSecond(), tenant.burst())
                  .onSuccess(
                      tenantWait -> {
                        if (tenantWait > 0) {
                          giveBack(keyBucket);
                        }
                      });
            });
  }

  /**
   * Admitted (0) or refused (the wait) at once from what this replica holds; only while the shared
   * bucket is believed to have tokens does a request finding nothing here wait for the lease. Any
   * lease a request starts otherwise runs in the background.
   */
  private Future<Long> take(String bucket, double rate, int burst) {
    long now = clock.getAsLong();
    if (shared == null || now - aloneUntil.get() < 0) {
      return Future.succeededFuture(takeAlone(bucket, rate, burst, now));
    }
    LeasedBucket local =
        leased.get(bucket, b -> new LeasedBucket(share(rate, burst), burst, tokenNanos(rate)));
    long wait = local.take(now);
    int want = local.startLease(now);
    Future<Boolean> lease = want > 0 ? lease(bucket, local, rate, burst, want) : null;
    if (wait != LeasedBucket.LEASE) {
      return Future.succeededFuture(wait);
    }
    if (lease == null) {
      lease = leasing.get(bucket); // another request's lease, under way
    }
    // Ask again once leased: requests on other event loops may have spent the share meanwhile (then
    // this one leases again), and a failed lease has switched this replica to counting alone.
    return lease != null
        ? lease.compose(done -> take(bucket, rate, burst))
        : vertx.timer(1, TimeUnit.MILLISECONDS).compose(done -> take(bucket, rate, burst));
  }

  /** Leases off the event loop; true when the database answered. */
  private Future<Boolean> lease(
      String bucket, LeasedBucket local, double rate, int burst, int want) {
    Future<Boolean> result =
        vertx
            .executeBlocking(() -> shared.lease(bucket, rate, burst, want), false)
            .map(
                lease -> {
                  local.leased(lease.granted(), lease.left(), lease.waitNanos(), clock.getAsLong());
                  return true;
                })
            .otherwise(
                failure -> {
                  local.leaseFailed();
                  long now = clock.getAsLong();
                  if (now - aloneUntil.getAndSet(now + ALONE_NANOS) >= 0) {
                    LOG.warnf(
                        "Shared rate limits unavailable, counting in this replica alone for %d s: %s",
                        ALONE_NANOS / 1_000_000_000L, failure.toString());
                  }
                  return false;
                });
    leasing.put(bucket, result);
    result.onComplete(done -> leasing.remove(bucket, result));
    return result;
  }

  private long takeAlone(String bucket, double rate, int burst, long now) {
    return alone.get(bucket, b -> new TokenBucket(rate, burst, now)).take(now);
  }

  private void giveBack(String bucket) {
    long now = clock.getAsLong();
    if (shared == null || now - aloneUntil.get() < 0) {
      TokenBucket own = alone.getIfPresent(bucket);
      if (own != null) {
        own.giveBack();
      }
    } else {
      LeasedBucket local = leased.getIfPresent(bucket);
      if (local != null) {
        local.giveBack();
      }
    }
  }

  /** How long a bucket of this rate takes to refill one token. */
  static long tokenNanos(double rate) {
    return (long) Math.ceil(1e9 / rate);
  }

  /** A tenth of a second's worth of tokens, at least one and at most the burst. */
  static int share(double rate, int burst) {
    return (int) Math.max(1, Math.min(burst, Math.ceil(rate / 10)));
  }
}
