package org.receivables.gateway.auth;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.receivables.gateway.http.Problems;

/**
 * Decides who is calling from the request's credentials and refuses everyone else with 401, so that
 * nothing behind it runs for an anonymous request.
 */
@ApplicationScoped
public class Authentication {

  public static final String API_KEY_HEADER = "X-API-Key";

  private final ApiKeys apiKeys;
  private final BearerTokens bearerTokens;

  public Authentication(ApiKeys apiKeys, BearerTokens bearerTokens) {
    this.apiKeys = apiKeys;
    this.bearerTokens = bearerTokens;
  }

  public void handle(RoutingContext ctx) {
    String apiKey = ctx.request().getHeader(API_KEY_HEADER);
    String authorization = ctx.request().getHeader("Authorization");
    if (apiKey != null) {
      Optional<Caller> caller = apiKeys.find(apiKey);
      if (caller.isEmpty()) {
        unauthorized(ctx, "The API key in X-API-Key is not valid.");
        return;
      }
      ctx.put(Caller.KEY, caller.get());
      ctx.next();
    } else if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      bearer(ctx, authorization.substring(7).trim());
    } else {
      unauthorized(ctx, "Send your API key in the X-API-Key header.");
    }
  }

  /** Verified off the event loop: the provider's keys may be read from a file or fetched. */
  private void bearer(RoutingContext ctx, String token) {
    if (!bearerTokens.enabled()) {
      unauthorized(
          ctx,
          "Bearer tokens are not configured on this gateway; send an API key in the X-API-Key header.");
      return;
    }
    // Hold the body while the token is checked; the proxy (or body handler) resumes it.
    ctx.request().pause();
    ctx.vertx()
        .executeBlocking(() -> bearerTokens.verify(token), false)
        .onComplete(
            result -> {
              if (result.succeeded()) {
                ctx.put(Caller.KEY, result.result());
                ctx.next();
              } else if (result.cause() instanceof BearerTokens.InvalidToken invalid) {
                unauthorized(ctx, invalid.getMessage());
              } else {
                unauthorized(ctx, "The Bearer token could not be verified.");
              }
            });
  }

  private static void unauthorized(RoutingContext ctx, String detail) {
    ctx.response().putHeader("WWW-Authenticate", "ApiKey, Bearer");
    Problems.send(ctx, 401, "Unauthorized", detail);
  }
}
