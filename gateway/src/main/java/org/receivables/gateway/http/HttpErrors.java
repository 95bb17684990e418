package org.receivables.gateway.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The errors the router raises on its own (no route, wrong method, unreadable request, a failure
 * nobody handled) answered as problem+json like every other error, instead of Vert.x's HTML or
 * empty bodies or Quarkus' JSON with a stack trace.
 */
public final class HttpErrors {

  private static final Logger LOG = Logger.getLogger(HttpErrors.class);

  static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(406, "Not Acceptable"),
          Map.entry(413, "Content Too Large"),
          Map.entry(414, "URI Too Long"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(503, "Service Unavailable"));

  private HttpErrors() {}

  /** Installs the error handlers and, ahead of Quarkus' own, the failure handler. */
  public static void register(Router router) {
    for (int status : TITLES.keySet()) {
      router.errorHandler(status, ctx -> answer(ctx, status, router));
    }
    router.route().order(-1001).failureHandler(HttpErrors::failure);
  }

  static void failure(RoutingContext ctx) {
    if (ctx.failure() != null && ClientGone.is(ctx, ctx.failure())) {
      LOG.debugf("Client went away: %s", ctx.failure().toString());
      Cut.connection(ctx);
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.next(); // nothing left to say; Quarkus closes the exchange
      return;
    }
    int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
    answer(ctx, status, null);
  }

  private static void answer(RoutingContext ctx, int status, Router router) {
    String path = path(ctx);
    if (status == 405 && router != null && !ctx.response().headers().contains("Allow")) {
      allowed(router, path).ifPresent(allow -> ctx.response().putHeader("Allow", allow));
    }
    String detail =
        switch (status) {
          case 400 -> "The request could not be read: check its request line, headers and path.";
          case 404 -> "There is no resource at " + path + ".";
          case 405 ->
              ctx.request().method()
                  + " is not allowed on "
                  + path
                  + (ctx.response().headers().contains("Allow")
                      ? "; allowed: " + ctx.response().headers().get("Allow") + "."
                      : ".");
          case 406 -> "No representation of " + path + " matches the Accept header.";
          case 413 -> "The request body is too large.";
          case 414 -> "The request target is too long.";
          case 415 -> "The Content-Type of the request is not accepted here.";
          case 431 -> "The request headers are too large.";
          default -> null;
        };
    if (detail == null && status >= 500) {
      String errorId = UUID.randomUUID().toString();
      LOG.errorf(
          ctx.failure(),
          "Request %s %s failed, error id %s",
          ctx.request().method(),
          path,
          errorId);
      detail = "The gateway failed; quote error id " + errorId + " to support.";
    } else if (detail == null) {
      detail = "The request was refused.";
    }
    Problems.send(ctx, status, TITLES.getOrDefault(status, "Error"), detail);
  }

  /**
   * The methods of the router's routes at exactly this path, for a 405 the router raised itself
   * (RFC 9110 15.5.6: a 405 names the methods the resource supports).
   */
  static Optional<String> allowed(Router router, String path) {
    Set<String> methods = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (path.equals(route.getPath()) && route.methods() != null) {
        route.methods().forEach(method -> methods.add(method.name()));
      }
    }
    return methods.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", methods));
  }

  private static String path(RoutingContext ctx) {
    try {
      String path = ctx.request().path();
      return path == null ? "this path" : path;
    } catch (RuntimeException unreadable) {
      return "this path";
    }
  }
}
