package org.receivables.gateway.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Browser-facing hardening on every response of the single entry point, so that no service has to
 * remember it: no MIME sniffing, no framing, no referrer leaks, and API answers never cached.
 */
public final class SecurityHeaders {

  private SecurityHeaders() {}

  public static void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(
        ignored -> {
          var headers = ctx.response().headers();
          headers.set("X-Content-Type-Options", "nosniff");
          headers.set("X-Frame-Options", "DENY");
          headers.set("Referrer-Policy", "no-referrer");
          if (ctx.request().path().startsWith("/api/")) {
            headers.set("Cache-Control", "no-store");
          }
        });
    ctx.next();
  }
}
