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

  public Authentication(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
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
      rejectBearer(ctx);
    } else {
      unauthorized(ctx, "Send your API key in the X-API-Key header.");
    }
  }

  /** Bearer tokens from people and front ends (OIDC) are not verified by this version. */
  private static void rejectBearer(RoutingContext ctx) {
    unauthorized(
        ctx,
        "Bearer tokens are not accepted yet; only API keys are: send one in the X-API-Key header.");
  }

  private static void unauthorized(RoutingContext ctx, String detail) {
    ctx.response().putHeader("WWW-Authenticate", "ApiKey");
    Problems.send(ctx, 401, "Unauthorized", detail);
  }
}
