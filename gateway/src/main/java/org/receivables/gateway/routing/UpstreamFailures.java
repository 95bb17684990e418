package org.receivables.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.http.OncePerBurst;
import org.receivables.gateway.http.Problems;

/**
 * What the client hears when a service fails it: 504 when the service took the request and then
 * stayed silent past {@code gateway.proxy.response-timeout} (it may still finish the work), 503
 * with {@code Retry-After} when it could not be reached at all. A service in trouble fails many
 * requests at once, so each kind is logged at WARN once per burst (the first, then at most one line
 * per {@link #QUIET} saying how many followed) and counted in {@code
 * gateway_upstream_failures_total} (tags {@code upstream}, {@code kind}: {@code timeout} or {@code
 * unavailable}).
 */
@ApplicationScoped
public class UpstreamFailures {

  private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

  /** At most one WARN line per service and kind in this period. */
  static final Duration QUIET = Duration.ofSeconds(30);

  private final MeterRegistry registry;
  private final LongSupplier clock;
  private final long timeoutSeconds;
  private final Map<String, OncePerBurst> bursts = new ConcurrentHashMap<>();

  @Inject
  public UpstreamFailures(GatewayConfig config, MeterRegistry registry) {
    this(config.proxy().responseTimeout(), registry, System::nanoTime);
  }

  UpstreamFailures(Duration responseTimeout, MeterRegistry registry, LongSupplier clock) {
    this.registry = registry;
    this.clock = clock;
    this.timeoutSeconds = Math.max(1, (responseTimeout.toMillis() + 999) / 1000);
  }

  /** Whether this failure of an exchange the service had taken is its silence. */
  public static boolean isTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Answers a request whose upstream exchange failed; {@code sent}: the service had the request (a
   * silence then is a timeout; before, the service could not be reached).
   */
  void answer(RoutingContext ctx, String service, Throwable failure, boolean sent) {
    boolean timeout = sent && isTimeout(failure);
    String kind = timeout ? "timeout" : "unavailable";
    count(service, kind);
    warn(ctx, service, kind, failure);
    if (timeout) {
      Problems.send(
          ctx,
          504,
          "Gateway Timeout",
          "The "
              + service
              + " service did not answer within "
              + timeoutSeconds
              + " s; it may still complete the request: check before repeating it.");
      return;
    }
    ctx.response().putHeader("Retry-After", "5");
    Problems.send(
        ctx,
        503,
        "Service Unavailable",
        "The " + service + " service is not answering; retry in a few seconds.");
  }

  private void count(String service, String kind) {
    Counter.builder("gateway.upstream.failures")
        .description("Proxied requests a service failed: timeout (504) or unavailable (503)")
        .tag("upstream", service)
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  private void warn(RoutingContext ctx, String service, String kind, Throwable failure) {
    OptionalLong quiet =
        bursts
            .computeIfAbsent(service + " " + kind, k -> new OncePerBurst(QUIET.toNanos()))
            .report(clock.getAsLong());
    if (quiet.isEmpty()) {
      return;
    }
    LOG.warnf(
        "%s service %s for %s %s: %s%s",
        service,
        timeout(kind) ? "timed out (504)" : "unavailable (503)",
        ctx.request().method(),
        ctx.request().path(),
        failure.toString(),
        quiet.getAsLong() == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; %d more since the last such line (at most one per %d s)",
                quiet.getAsLong(),
                QUIET.toSeconds()));
  }

  private static boolean timeout(String kind) {
    return kind.equals("timeout");
  }
}
