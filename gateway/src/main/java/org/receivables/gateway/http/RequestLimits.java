package org.receivables.gateway.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.receivables.gateway.GatewayConfig;

/**
 * The size limits of a request, enforced here so that a refusal is problem+json like any other.
 * Vert.x enforces them too, but before routing and with an empty body, so its own limits ({@code
 * quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these
 * and only stop what no client could mean (docs/security.md).
 */
@ApplicationScoped
public class RequestLimits {

  private final int maxRequestLine;
  private final int maxHeaderBytes;
  private final long maxBodyBytes;

  public RequestLimits(
      GatewayConfig config,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
    this.maxRequestLine = config.http().maxRequestLine();
    this.maxHeaderBytes = config.http().maxHeaderBytes();
    this.maxBodyBytes = maxBody.asLongValue();
  }

  public void handle(RoutingContext ctx) {
    var request = ctx.request();
    // "METHOD SP target SP HTTP/1.1"
    int requestLine = request.method().name().length() + request.uri().length() + 10;
    if (requestLine > maxRequestLine) {
      refuse(
          ctx,
          414,
          "URI Too Long",
          "The request line is "
              + requestLine
              + " characters long; at most "
              + maxRequestLine
              + " are accepted. Send long filters in fewer or shorter parameters.");
      return;
    }
    long headerBytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      headerBytes += header.getKey().length() + header.getValue().length() + 4;
    }
    if (headerBytes > maxHeaderBytes) {
      refuse(
          ctx,
          431,
          "Request Header Fields Too Large",
          "The request headers take "
              + headerBytes
              + " bytes; at most "
              + maxHeaderBytes
              + " are accepted.");
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && tooLong(length)) {
      refuse(
          ctx,
          413,
          "Content Too Large",
          "The request body is " + length + " bytes; at most " + maxBodyBytes + " are accepted.");
      return;
    }
    ctx.next();
  }

  private boolean tooLong(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false; // Vert.x refuses a malformed length itself
    }
  }

  /** Answers and, on HTTP/1.x, closes the connection: the rest of the request is never read. */
  private static void refuse(RoutingContext ctx, int status, String title, String detail) {
    if (ctx.request().version() != HttpVersion.HTTP_2) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      ctx.addEndHandler(done -> Cut.connection(ctx));
    }
    Problems.send(ctx, status, title, detail);
  }
}
