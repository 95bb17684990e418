package org.receivables.gateway.limits;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.http.Problems;
import org.receivables.gateway.routing.RouteTable;

/**
 * Bounds the proxied requests in flight per upstream service (in this gateway replica), so that
 * beyond its capacity the gateway sheds load with 503 and {@code Retry-After} instead of queueing
 * without bound in front of a saturated service. One slow service fills only its own gate: the
 * others keep answering. The places are at most the upstream connection pool's size ({@code
 * gateway.proxy.max-connections-per-upstream}), so no admitted request queues for a connection.
 *
 * <p>Metrics: {@code gateway_upstream_in_flight}, {@code gateway_upstream_in_flight_limit} and
 * {@code gateway_upstream_shed_total}, tagged by {@code upstream}.
 */
@ApplicationScoped
public class InFlightLimits {

  private final RouteTable routes;
  private final Map<String, InFlightGate> gates = new LinkedHashMap<>();
  private final String retryAfterSeconds;

  public InFlightLimits(GatewayConfig config, RouteTable routes, MeterRegistry registry) {
    this.routes = routes;
    long seconds = Math.max(1, (config.inFlight().retryAfter().toMillis() + 999) / 1000);
    this.retryAfterSeconds = Long.toString(seconds);
    // An admitted request must never wait for an upstream connection (a hidden queue that turned
    // overload into 2 s waits and then 503s): the pool's size caps the places too.
    int places =
        Math.min(config.inFlight().perUpstream(), config.proxy().maxConnectionsPerUpstream());
    for (String service : routes.upstreams().keySet()) {
      InFlightGate gate = new InFlightGate(places);
      gates.put(service, gate);
      Gauge.builder("gateway.upstream.in.flight", gate, InFlightGate::inFlight)
          .description("Proxied requests in flight to the service through this replica")
          .tag("upstream", service)
          .register(registry);
      Gauge.builder("gateway.upstream.in.flight.limit", gate, InFlightGate::max)
          .description("Most proxied requests in flight to the service; beyond it: 503")
          .tag("upstream", service)
          .register(registry);
      FunctionCounter.builder("gateway.upstream.shed", gate, InFlightGate::refused)
          .description("Requests refused with 503 because the service's in-flight limit was full")
          .tag("upstream", service)
          .register(registry);
    }
  }

  public void handle(RoutingContext ctx) {
    Optional<RouteTable.Route> route = routes.match(ctx.request().path());
    if (route.isEmpty()) {
      ctx.next(); // not proxied: the proxy answers 404 without any upstream work
      return;
    }
    InFlightGate gate = gates.get(route.get().service());
    if (!gate.tryEnter()) {
      shed(ctx, route.get().service());
      return;
    }
    AtomicBoolean left = new AtomicBoolean();
    // Called when the response has been sent or the exchange failed (e.g. the client went away).
    ctx.addEndHandler(
        done -> {
          if (left.compareAndSet(false, true)) {
            gate.leave();
          }
        });
    ctx.next();
  }

  private void shed(RoutingContext ctx, String service) {
    if (!ctx.request().isEnded()) {
      // An unread body is discarded, and the connection cannot carry another request after it.
      if (hasBody(ctx)) {
        ctx.response().putHeader("Connection", "close");
      }
      ctx.request().resume();
    }
    ctx.response().putHeader("Retry-After", retryAfterSeconds);
    Problems.send(
        ctx,
        503,
        "Service Unavailable",
        "The "
            + service
            + " service has as many requests in progress as it can take; retry in "
            + retryAfterSeconds
            + " s.");
  }

  private static boolean hasBody(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    return (length != null && !length.equals("0"))
        || ctx.request().getHeader("Transfer-Encoding") != null;
  }
}
