package org.receivables.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway answers errors itself, before any service sees the request, and must use the same RFC
 * 9457 shape as the services without depending on their library.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  public static JsonObject of(int status, String title, String detail, String instance) {
    JsonObject problem =
        new JsonObject()
            .put("type", "https://receivables.org/problems/" + status)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    return instance == null ? problem : problem.put("instance", instance);
  }

  /** Ends the exchange with a problem, unless the response has already started. */
  public static void send(RoutingContext ctx, int status, String title, String detail) {
    if (ctx.response().headWritten() || ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", MEDIA_TYPE)
        .end(of(status, title, detail, ctx.request().path()).encode());
  }
}
