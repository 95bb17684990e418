package org.receivables.gateway.http;

import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;

/**
 * Closes a client's connection, once, from a task of its own: when an answer cannot be finished
 * (its head is gone, so only a closed connection tells the client) or must not be followed by
 * another. The reason is often reported from inside Netty's HTTP encoder, still writing (a write
 * failed because the client went away): a close from there re-entered the encoder, which wrote and
 * released its buffers a second time, and Netty logged IllegalReferenceCountException WARNs (issue
 * #17, a load tester stopping mid-download).
 */
public final class Cut {

  private static final String CUT = "gateway.cut";

  private Cut() {}

  public static void connection(RoutingContext ctx) {
    if (ctx.get(CUT) != null || ctx.response().closed()) {
      return;
    }
    ctx.put(CUT, Boolean.TRUE);
    HttpConnection connection = ctx.request().connection();
    ctx.vertx().runOnContext(next -> connection.close());
  }
}
