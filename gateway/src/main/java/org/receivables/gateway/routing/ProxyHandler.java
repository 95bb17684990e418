package org.receivables.gateway.routing;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.receivables.gateway.auth.Caller;
import org.receivables.gateway.auth.InternalTokens;
import org.receivables.gateway.http.Problems;

/**
 * Turns an authenticated request into a proxied one: which service, with which internal token. Runs
 * after authentication so that the route map is never revealed to anonymous callers.
 */
@ApplicationScoped
public class ProxyHandler {

  private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

  private final RouteTable routes;
  private final InternalTokens tokens;
  private final ReverseProxy proxy;

  public ProxyHandler(RouteTable routes, InternalTokens tokens, ReverseProxy proxy) {
    this.routes = routes;
    this.tokens = tokens;
    this.proxy = proxy;
  }

  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (PathGuard.hasDotSegment(path)) {
      Problems.send(ctx, 400, "Bad Request", "Paths with '.' or '..' segments are not accepted.");
      return;
    }
    Optional<RouteTable.Route> route = routes.match(path);
    if (route.isEmpty()) {
      Problems.send(ctx, 404, "Not Found", "There is no API resource at " + path + ".");
      return;
    }
    // Hold the body until the upstream request exists to take it.
    ctx.request().pause();
    Caller caller = ctx.get(Caller.KEY);
    tokens
        .tokenFor(caller, route.get().service())
        .onSuccess(token -> proxy.forward(ctx, route.get(), token))
        .onFailure(
            failure -> {
              LOG.error("Signing the internal token failed", failure);
              ctx.request().resume();
              Problems.send(
                  ctx, 500, "Internal Server Error", "The gateway could not sign a request token.");
            });
  }
}
