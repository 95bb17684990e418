package org.receivables.gateway.http;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.receivables.gateway.auth.Caller;

/**
 * Every request gets an id and one log line, including those refused before routing; the line names
 * the tenant but never a key or a token.
 */
public final class AccessLog {

  public static final String REQUEST_ID = "gateway.requestId";

  private static final Logger LOG = Logger.getLogger("org.receivables.gateway.access");

  private AccessLog() {}

  public static void handle(RoutingContext ctx) {
    if (ctx.get(REQUEST_ID) != null) {
      ctx.next(); // a reroute passes here again: still one request
      return;
    }
    long start = System.nanoTime();
    String requestId = RequestIds.keepOrCreate(ctx.request().getHeader(RequestIds.HEADER));
    ctx.put(REQUEST_ID, requestId);
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, requestId));
    ctx.addEndHandler(
        done -> {
          Caller caller = ctx.get(Caller.KEY);
          LOG.infof(
              "%s %s %d %dms tenant=%s requestId=%s%s",
              ctx.request().method(),
              ctx.request().path(),
              ctx.response().getStatusCode(),
              (System.nanoTime() - start) / 1_000_000,
              caller == null ? "-" : caller.tenant(),
              requestId,
              done.succeeded() ? "" : " aborted");
        });
    ctx.next();
  }

  public static String requestId(RoutingContext ctx) {
    return ctx.get(REQUEST_ID);
  }
}
