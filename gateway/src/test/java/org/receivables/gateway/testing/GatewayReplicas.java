package org.receivables.gateway.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.GatewayRoutes;
import org.receivables.gateway.auth.Authentication;
import org.receivables.gateway.auth.InternalTokens;
import org.receivables.gateway.http.RequestLimits;
import org.receivables.gateway.keys.KeyAdmin;
import org.receivables.gateway.limits.InFlightLimits;
import org.receivables.gateway.limits.RateLimits;
import org.receivables.gateway.limits.SharedBuckets;
import org.receivables.gateway.openapi.AsyncApiHandler;
import org.receivables.gateway.openapi.OpenApiHandler;
import org.receivables.gateway.routing.ProxyHandler;
import org.receivables.gateway.routing.ReverseProxy;
import org.receivables.gateway.routing.RouteTable;
import org.receivables.gateway.routing.UpstreamFailures;

/**
 * Starts another gateway replica beside the app under test, on the same database: the same routes
 * ({@link GatewayRoutes}) served by a Vert.x and a port of its own, with what a replica keeps for
 * itself (rate-limit leases, in-flight gates, the upstream client, metrics) made anew; keys, key
 * administration and token signing are the app's beans, as every replica has the same.
 */
@ApplicationScoped
public class GatewayReplicas {

  @Inject GatewayConfig config;
  @Inject RouteTable routes;
  @Inject SharedBuckets shared;
  @Inject InternalTokens tokens;
  @Inject Authentication authentication;
  @Inject OpenApiHandler openApi;
  @Inject AsyncApiHandler asyncApi;
  @Inject KeyAdmin keyAdmin;
  @Inject RequestLimits requestLimits;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize maxBody;

  /** A running replica; closing it closes its Vert.x, server included. */
  public record Replica(Vertx vertx, int port) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  public Replica start() {
    Vertx own = Vertx.vertx();
    MeterRegistry registry = new SimpleMeterRegistry();
    ReverseProxy proxy =
        new ReverseProxy(own, config, maxBody, new UpstreamFailures(config, registry));
    GatewayRoutes replica =
        new GatewayRoutes(
            authentication,
            new ProxyHandler(routes, tokens, proxy),
            openApi,
            asyncApi,
            new RateLimits(config, own, shared),
            new InFlightLimits(config, routes, registry),
            keyAdmin,
            requestLimits);
    Router router = Router.router(own);
    replica.register(router);
    HttpServer server =
        own.createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    return new Replica(own, server.actualPort());
  }
}
