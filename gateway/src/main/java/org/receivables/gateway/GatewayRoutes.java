package org.receivables.gateway;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.receivables.gateway.auth.Authentication;
import org.receivables.gateway.http.AccessLog;
import org.receivables.gateway.http.HttpErrors;
import org.receivables.gateway.http.RequestLimits;
import org.receivables.gateway.http.SecurityHeaders;
import org.receivables.gateway.keys.KeyAdmin;
import org.receivables.gateway.limits.InFlightLimits;
import org.receivables.gateway.limits.RateLimits;
import org.receivables.gateway.openapi.AsyncApiHandler;
import org.receivables.gateway.openapi.OpenApiHandler;
import org.receivables.gateway.routing.ProxyHandler;

/**
 * The gateway's whole HTTP surface in one place: what is logged, what needs a key, what is proxied.
 * Health and metrics routes come from their extensions and stay open.
 */
@ApplicationScoped
public class GatewayRoutes {

  private final Authentication authentication;
  private final ProxyHandler proxy;
  private final OpenApiHandler openApi;
  private final AsyncApiHandler asyncApi;
  private final RateLimits rateLimits;
  private final InFlightLimits inFlight;
  private final KeyAdmin keyAdmin;
  private final RequestLimits requestLimits;

  public GatewayRoutes(
      Authentication authentication,
      ProxyHandler proxy,
      OpenApiHandler openApi,
      AsyncApiHandler asyncApi,
      RateLimits rateLimits,
      InFlightLimits inFlight,
      KeyAdmin keyAdmin,
      RequestLimits requestLimits) {
    this.requestLimits = requestLimits;
    this.authentication = authentication;
    this.proxy = proxy;
    this.openApi = openApi;
    this.asyncApi = asyncApi;
    this.rateLimits = rateLimits;
    this.inFlight = inFlight;
    this.keyAdmin = keyAdmin;
  }

  public void register(@Observes Router router) {
    router.route().order(-1000).handler(AccessLog::handle);
    router.route().order(-999).handler(SecurityHeaders::handle);
    router.route().order(-998).handler(requestLimits::handle);
    HttpErrors.register(router);
    // A full service sheds at once, before the rate limits: a request the service cannot take
    // anyway
    // must not wait for a rate-limit lease first (under overload such 503s waited up to a lease's
    // round trip to PostgreSQL), nor spend its tenant's token.
    router
        .routeWithRegex("/api(/.*)?")
        .handler(authentication::handle)
        .handler(inFlight::handle)
        .handler(rateLimits::handle)
        .handler(proxy::handle);
    router
        .routeWithRegex("/dashboard(/.*)?")
        .handler(authentication::handle)
        .handler(inFlight::handle)
        .handler(rateLimits::handle)
        .handler(proxy::handle);
    router
        .routeWithRegex(KeyAdmin.PATH + "(/.*)?")
        .handler(BodyHandler.create().setBodyLimit(64 * 1024)) // Vert.x wants it first
        .handler(authentication::handle)
        .handler(rateLimits::handle)
        .handler(keyAdmin::handle);
    router.get("/q/openapi").handler(openApi::handle);
    router.get("/q/asyncapi").handler(asyncApi::handle);
  }
}
