package org.receivables.gateway.routing;

import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.http.AccessLog;
import org.receivables.gateway.http.Cut;
import org.receivables.gateway.http.Problems;

/**
 * Bodies are relayed chunk by chunk with back-pressure in both directions, so a large upload or
 * download costs the gateway a few buffers rather than the whole body; an upstream that cannot be
 * reached is answered with 503, one that stays silent with 504, within the configured timeouts
 * instead of leaving the client waiting ({@link UpstreamFailures}).
 */
@ApplicationScoped
public class ReverseProxy {

  private static final Logger LOG = Logger.getLogger(ReverseProxy.class);

  private final HttpClient client;
  private final long connectTimeoutMillis;
  private final long responseTimeoutMillis;
  private final long maxBodyBytes;
  private final UpstreamFailures failures;

  public ReverseProxy(
      Vertx vertx,
      GatewayConfig config,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize maxBodySize,
      UpstreamFailures failures) {
    this.failures = failures;
    maxBodyBytes = maxBodySize.asLongValue();
    connectTimeoutMillis = config.proxy().connectTimeout().toMillis();
    responseTimeoutMillis = config.proxy().responseTimeout().toMillis();
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(config.proxy().maxConnectionsPerUpstream())
                .setConnectTimeout((int) connectTimeoutMillis)
                .setDecompressionSupported(false));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * Sends the (paused) request to the route's service and relays its answer. The HTTP client,
   * traced by Quarkus, opens a client span under the gateway's span of this request and writes its
   * {@code traceparent}: the service continues the caller's trace, or the one the gateway started.
   */
  public void forward(RoutingContext ctx, RouteTable.Route route, String token) {
    HttpServerRequest request = ctx.request();
    URI upstream = route.upstream();
    boolean traced = Span.current().getSpanContext().isValid();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(upstream.getHost())
            .setPort(port(upstream))
            .setSsl("https".equalsIgnoreCase(upstream.getScheme()))
            .setURI(basePath(upstream) + pathAndQuery(request))
            .setHeaders(
                ForwardedHeaders.toUpstream(request, AccessLog.requestId(ctx), token, traced))
            .setConnectTimeout(connectTimeoutMillis)
            .setIdleTimeout(responseTimeoutMillis);
    boolean[] sent = {false};
    client
        .request(options)
        .compose(
            upstreamRequest -> {
              sent[0] = true;
              return send(ctx, upstreamRequest);
            })
        .onSuccess(response -> relay(ctx, response))
        .onFailure(failure -> failed(ctx, route, failure, sent[0]));
  }

  private Future<HttpClientResponse> send(RoutingContext ctx, HttpClientRequest upstreamRequest) {
    HttpServerRequest request = ctx.request();
    // A client gone lets go of the upstream exchange too; its reset is expected, not a failure.
    ctx.response().closeHandler(closed -> upstreamRequest.reset());
    ctx.response().exceptionHandler(failure -> LOG.debugf("Client connection failed: %s", failure));
    upstreamRequest.exceptionHandler(
        failure -> LOG.debugf("Upstream request failed: %s", failure.toString()));
    if (!hasBody(request)) {
      request.resume();
      return upstreamRequest.send();
    }
    upstreamRequest.setChunked(request.getHeader("Content-Length") == null);
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      ctx.response().writeContinue();
    }
    Future<HttpClientResponse> response = upstreamRequest.response();
    LimitedBody.relay(request, upstreamRequest, maxBodyBytes, () -> tooLarge(ctx));
    return response;
  }

  private static void relay(RoutingContext ctx, HttpClientResponse upstreamResponse) {
    HttpServerResponse response = ctx.response();
    upstreamResponse.exceptionHandler(
        failure -> LOG.debugf("Upstream response failed: %s", failure.toString()));
    if (response.ended() || response.closed()) {
      upstreamResponse.request().reset();
      return;
    }
    response.setStatusCode(upstreamResponse.statusCode());
    if (upstreamResponse.statusMessage() != null) {
      response.setStatusMessage(upstreamResponse.statusMessage());
    }
    ForwardedHeaders.copyResponse(upstreamResponse.headers(), response.headers());
    if (!response.headers().contains("Content-Length")
        && mayHaveBody(ctx.request().method(), upstreamResponse.statusCode())) {
      response.setChunked(true);
    }
    upstreamResponse
        .pipe()
        .endOnFailure(false)
        .to(response)
        .onFailure(
            failure -> {
              // Status and headers are gone already: only cutting the connection tells the client.
              LOG.debugf("Relaying a response failed: %s", failure.toString());
              Cut.connection(ctx);
            });
  }

  private void tooLarge(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      Cut.connection(ctx);
      return;
    }
    ctx.response().putHeader("Connection", "close");
    Problems.send(
        ctx, 413, "Content Too Large", "Request bodies are limited to " + maxBodyBytes + " bytes.");
  }

  /** The exchange failed before the answer started: 504 for a silent service, else 503. */
  private void failed(RoutingContext ctx, RouteTable.Route route, Throwable failure, boolean sent) {
    if (ctx.response().ended()) {
      return; // already answered, e.g. 413 for a body over the limit
    }
    if (ctx.response().closed()) {
      LOG.debugf(
          "Client went away from %s %s: %s",
          ctx.request().method(), ctx.request().path(), failure.toString());
      return;
    }
    if (ctx.response().headWritten()) {
      LOG.debugf("Upstream failed mid-answer: %s", failure.toString());
      Cut.connection(ctx);
      return;
    }
    if (!ctx.request().isEnded()) {
      if (hasBody(ctx.request())) {
        // The unread body is discarded; the connection cannot be reused after that.
        ctx.response().putHeader("Connection", "close");
      }
      ctx.request().resume();
    }
    failures.answer(ctx, route.service(), failure, sent);
  }

  private static boolean hasBody(HttpServerRequest request) {
    String contentLength = request.getHeader("Content-Length");
    String transferEncoding = request.getHeader("Transfer-Encoding");
    return (contentLength != null && !contentLength.equals("0"))
        || (transferEncoding != null
            && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked"));
  }

  private static boolean mayHaveBody(HttpMethod method, int status) {
    return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
  }

  private static String pathAndQuery(HttpServerRequest request) {
    return request.query() == null ? request.path() : request.path() + "?" + request.query();
  }

  private static String basePath(URI upstream) {
    String path = upstream.getRawPath();
    return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
  }

  private static int port(URI upstream) {
    if (upstream.getPort() > 0) {
      return upstream.getPort();
    }
    return "https".equalsIgnoreCase(upstream.getScheme()) ? 443 : 80;
  }
}
