package org.receivables.gateway.auth;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.receivables.gateway.http.Problems;
import org.receivables.gateway.limits.FailedAuthLimits;

/**
 * Decides who is calling from the request's credentials and refuses everyone else with 401, so that
 * nothing behind it runs for an anonymous request. An address that keeps presenting wrong
 * credentials is refused with 429 before they are even checked ({@link FailedAuthLimits}).
 */
@ApplicationScoped
public class Authentication {

  public static final String API_KEY_HEADER = "X-API-Key";

  private final ApiKeys apiKeys;
  private final BearerTokens bearerTokens;
  private final FailedAuthLimits failedAuth;

  public Authentication(ApiKeys apiKeys, BearerTokens bearerTokens, FailedAuthLimits failedAuth) {
    this.apiKeys = apiKeys;
    this.bearerTokens = bearerTokens;
    this.failedAuth = failedAuth;
  }

  public void handle(RoutingContext ctx) {
    String apiKey = ctx.request().getHeader(API_KEY_HEADER);
    String authorization = ctx.request().getHeader("Authorization");
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    if ((apiKey != null || bearer) && !failedAuth.admit(ctx)) {
      return;
    }
    if (apiKey != null) {
      Optional<Caller> caller = apiKeys.find(apiKey);
      if (caller.isEmpty()) {
        failed(ctx, "The API key in X-API-Key is not valid.");
        return;
      }
      ctx.put(Caller.KEY, caller.get());
      ctx.next();
    } else if (bearer) {
      bearer(ctx, authorization.substring(7).trim());
    } else {
      unauthorized(ctx, "Send your API key in the X-API-Key header.");
    }
  }

  /**
   * A token seen before is known at once; a new one is verified off the event loop, since the
   * provider's keys may be read from a file or fetched.
   */
  private void bearer(RoutingContext ctx, String token) {
    if (!bearerTokens.enabled()) {
      failed(
          ctx,
          "Bearer tokens are not configured on this gateway; send an API key in the X-API-Key header.");
      return;
    }
    Optional<Caller> known = bearerTokens.known(token);
    if (known.isPresent()) {
      ctx.put(Caller.KEY, known.get());
      ctx.next();
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
                failed(ctx, invalid.getMessage());
              } else {
                failed(ctx, "The Bearer token could not be verified.");
              }
            });
  }

  /** A credential was presented and is wrong: it counts against the client's address. */
  private void failed(RoutingContext ctx, String detail) {
    failedAuth.failed(ctx);
    unauthorized(ctx, detail);
  }

  private static void unauthorized(RoutingContext ctx, String detail) {
    ctx.response().putHeader("WWW-Authenticate", "ApiKey, Bearer");
    Problems.send(ctx, 401, "Unauthorized", detail);
  }
}
