package org.receivables.gateway.http;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.jboss.logging.Logger;
import org.receivables.gateway.auth.Caller;
import org.receivables.kit.core.RequestIds;

/**
 * Every request gets an id and one log line, including those refused before routing; the line names
 * the tenant but never a key or a token. It also names the request's trace id, which every
 * service's log lines about this request carry too (MDC {@code traceId}), so a request id a client
 * reports leads to the trace and to all those lines.
 */
public final class AccessLog {

  public static final String REQUEST_ID = "gateway.requestId";

  private static final Logger LOG = Logger.getLogger("org.receivables.gateway.access");

  /** OpenTelemetry's name for a captured request header: finds the trace from a request id. */
  private static final AttributeKey<List<String>> REQUEST_ID_ATTRIBUTE =
      AttributeKey.stringArrayKey("http.request.header.x-request-id");

  private AccessLog() {}

  public static void handle(RoutingContext ctx) {
    if (ctx.get(REQUEST_ID) != null) {
      ctx.next(); // a reroute passes here again: still one request
      return;
    }
    long start = System.nanoTime();
    String requestId = RequestIds.keepOrCreate(ctx.request().getHeader(RequestIds.HEADER));
    ctx.put(REQUEST_ID, requestId);
    Span span = Span.current(); // the server span Quarkus opened for this request
    span.setAttribute(REQUEST_ID_ATTRIBUTE, List.of(requestId));
    String traceId = span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : "-";
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, requestId));
    ctx.addEndHandler(
        done -> {
          Caller caller = ctx.get(Caller.KEY);
          LOG.infof(
              "%s %s %d %dms tenant=%s requestId=%s traceId=%s%s",
              ctx.request().method(),
              ctx.request().path(),
              ctx.response().getStatusCode(),
              (System.nanoTime() - start) / 1_000_000,
              caller == null ? "-" : caller.tenant(),
              requestId,
              traceId,
              done.succeeded() ? "" : " aborted");
        });
    ctx.next();
  }

  public static String requestId(RoutingContext ctx) {
    return ctx.get(REQUEST_ID);
  }
}
