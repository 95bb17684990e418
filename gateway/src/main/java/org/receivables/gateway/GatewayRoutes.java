package org.receivables.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.receivables.gateway.auth.Authentication;
import org.receivables.gateway.http.AccessLog;
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

  public GatewayRoutes(Authentication authentication, ProxyHandler proxy, OpenApiHandler openApi) {
    this.authentication = authentication;
    this.proxy = proxy;
    this.openApi = openApi;
  }

  void register(@Observes Router router) {
    router.route().order(-1000).handler(AccessLog::handle);
    router.routeWithRegex("/api(/.*)?").handler(authentication::handle).handler(proxy::handle);
    router
        .routeWithRegex("/dashboard(/.*)?")
        .handler(authentication::handle)
        .handler(proxy::handle);
    router.get("/q/openapi").handler(openApi::handle);
  }
}
