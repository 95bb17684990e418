package org.receivables.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which headers cross the gateway: hop-by-hop headers describe one connection and must not
 * be relayed (RFC 9110 7.6.1), and the client's credentials must never reach a service. The
 * client's {@code Host} is not passed on in any form (no {@code X-Forwarded-Host}): services build
 * links from their configured public URL, so a forged Host cannot steer them.
 */
final class ForwardedHeaders {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "http2-settings");

  /** Replaced by the gateway's own values rather than relayed. */
  private static final Set<String> REPLACED =
      Set.of(
          "host",
          "expect",
          "x-api-key",
          "authorization",
          "x-request-id",
          "x-forwarded-proto",
          "x-forwarded-host");

  /**
   * The caller's W3C trace context. Where the gateway traces the request, its own span continues
   * the caller's trace and the HTTP client writes that span's context instead: relaying the
   * caller's too would give the service two parents to choose from, and baggage from outside is not
   * trusted.
   */
  private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate", "baggage");

  private ForwardedHeaders() {}

  static MultiMap toUpstream(
      HttpServerRequest request, String requestId, String token, boolean gatewayTraces) {
    MultiMap in = request.headers();
    Set<String> dropped = dropped(in);
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    in.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!dropped.contains(lower)
              && !REPLACED.contains(lower)
              && !(gatewayTraces && TRACE_CONTEXT.contains(lower))) {
            out.add(name, value);
          }
        });
    out.set("Authorization", "Bearer " + token);
    out.set("X-Request-Id", requestId);
    String clientAddress = request.remoteAddress() == null ? null : request.remoteAddress().host();
    if (clientAddress != null) {
      String earlier = String.join(", ", in.getAll("X-Forwarded-For"));
      out.set(
          "X-Forwarded-For", earlier.isBlank() ? clientAddress : earlier + ", " + clientAddress);
    }
    out.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
    return out;
  }

  /** Copies a response's end-to-end headers. */
  static void copyResponse(MultiMap from, MultiMap to) {
    Set<String> dropped = dropped(from);
    from.forEach(
        (name, value) -> {
          if (!dropped.contains(name.toLowerCase(Locale.ROOT))) {
            to.add(name, value);
          }
        });
  }

  /** Hop-by-hop names, including those a Connection header declares. */
  private static Set<String> dropped(MultiMap headers) {
    Set<String> names = new TreeSet<>(HOP_BY_HOP);
    for (String connection : headers.getAll("Connection")) {
      for (String token : connection.split(",")) {
        if (!token.isBlank()) {
          names.add(token.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }
}
