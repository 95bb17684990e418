package org.receivables.gateway.keys;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.auth.ApiKeys;
import org.receivables.gateway.auth.Caller;
import org.receivables.gateway.http.Problems;

/**
 * The admin API for API keys of the caller's own tenant: create, list, rotate (the old key keeps
 * working for a grace period so that an ERP can switch without downtime) and revoke (at once on
 * this replica, within {@code gateway.keys.refresh-interval} on the others).
 *
 * <pre>
 * POST   /admin/v1/api-keys                {name, roles, requestsPerSecond?} → 201 {id, key, ...}
 * GET    /admin/v1/api-keys                → 200 {items: [...]} (never a key)
 * POST   /admin/v1/api-keys/{id}/rotation  {graceSeconds?} → 201 {id, key, ...}
 * DELETE /admin/v1/api-keys/{id}           → 204
 * </pre>
 */
@ApplicationScoped
public class KeyAdmin {

  public static final String PATH = "/admin/v1/api-keys";
  static final Set<String> SUITE_ROLES =
      Set.of("admin", "erp", "collector", "credit-manager", "viewer");

  private final ApiKeyStore store;
  private final ApiKeys keys;
  private final GatewayConfig config;

  public KeyAdmin(ApiKeyStore store, ApiKeys keys, GatewayConfig config) {
    this.store = store;
    this.keys = keys;
    this.config = config;
  }

  public void handle(RoutingContext ctx) {
    Caller caller = ctx.get(Caller.KEY);
    if (!caller.roles().contains("admin")) {
      Problems.send(ctx, 403, "Forbidden", "Only an admin of the tenant manages its API keys.");
      return;
    }
    String rest = ctx.request().path().substring(PATH.length());
    HttpMethod method = ctx.request().method();
    String allowed = allowed(rest);
    if (allowed == null) {
      Problems.send(
          ctx, 404, "Not Found", "There is no admin resource at " + ctx.request().path() + ".");
      return;
    }
    if (!allowed.contains(method.name())) {
      ctx.response().putHeader("Allow", allowed);
      Problems.send(
          ctx,
          405,
          "Method Not Allowed",
          method.name()
              + " is not allowed on "
              + ctx.request().path()
              + "; allowed: "
              + allowed
              + ".");
      return;
    }
    if (!acceptsJson(ctx.request().getHeader("Accept"))) {
      Problems.send(ctx, 406, "Not Acceptable", "This resource answers application/json only.");
      return;
    }
    String contentType = ctx.request().getHeader("Content-Type");
    if (method == HttpMethod.POST
        && ctx.body().length() > 0
        && (contentType == null || !isJson(contentType))) {
      Problems.send(
          ctx,
          415,
          "Unsupported Media Type",
          "Send the body as application/json, not "
              + (contentType == null ? "without a Content-Type" : contentType)
              + ".");
      return;
    }
    try {
      if (rest.isEmpty() && method == HttpMethod.POST) {
        create(ctx, caller);
      } else if (rest.isEmpty() && method == HttpMethod.GET) {
        blocking(ctx, () -> list(caller), 200);
      } else if (rest.matches("/[^/]+/rotation") && method == HttpMethod.POST) {
        rotate(ctx, caller, id(rest.split("/")[1]));
      } else if (rest.matches("/[^/]+") && method == HttpMethod.DELETE) {
        revoke(ctx, caller, id(rest.substring(1)));
      } else {
        Problems.send(
            ctx, 404, "Not Found", "There is no admin resource at " + ctx.request().path() + ".");
      }
    } catch (BadRequest e) {
      Problems.send(ctx, 400, "Invalid request", e.getMessage());
    }
  }

  /** The methods of the admin resource at {@code rest} (below {@link #PATH}), or null if none. */
  static String allowed(String rest) {
    if (rest.isEmpty()) {
      return "GET, POST";
    } else if (rest.matches("/[^/]+/rotation")) {
      return "POST";
    } else if (rest.matches("/[^/]+")) {
      return "DELETE";
    }
    return null;
  }

  static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }

  /** Whether an Accept header admits application/json (no header admits anything). */
  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim().replace(" ", "");
        if (param.equals("q=0") || param.matches("q=0\\.0*")) {
          refused = true;
        }
      }
      if (!refused
          && (type.equals("*/*")
              || type.equals("application/*")
              || type.equals("application/json")
              || type.equals("application/problem+json"))) {
        return true;
      }
    }
    return false;
  }

  private void create(RoutingContext ctx, Caller caller) {
    JsonObject body = body(ctx);
    String name = body.getString("name");
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new BadRequest("name: is required (1 to 100 characters)");
    }
    Set<String> roles = roles(body.getValue("roles"));
    Double rps = number(body, "requestsPerSecond");
    blocking(
        ctx,
        () -> {
          ApiKeyStore.Issued issued =
              store.create(caller.tenant(), name, roles, rps, caller.name());
          keys.refresh();
          return issuedJson(issued);
        },
        201);
  }

  private void rotate(RoutingContext ctx, Caller caller, UUID id) {
    JsonObject body = ctx.body().length() <= 0 ? new JsonObject() : body(ctx);
    Double graceSeconds = number(body, "graceSeconds");
    Duration grace =
        graceSeconds == null
            ? config.keys().rotationGrace()
            : Duration.ofMillis((long) (graceSeconds * 1000));
    blocking(
        ctx,
        () -> {
          Optional<ApiKeyStore.Issued> issued =
              store.rotate(caller.tenant(), id, grace, caller.name());
          keys.refresh();
          return issued.map(KeyAdmin::issuedJson).orElseThrow(() -> new NotFound(id));
        },
        201);
  }

  private void revoke(RoutingContext ctx, Caller caller, UUID id) {
    blocking(
        ctx,
        () -> {
          if (!store.revoke(caller.tenant(), id)) {
            throw new NotFound(id);
          }
          keys.refresh();
          return null;
        },
        204);
  }

  private JsonObject list(Caller caller) {
    JsonArray items = new JsonArray();
    store.list(caller.tenant()).forEach(k -> items.add(describe(k)));
    return new JsonObject().put("items", items);
  }

  /** Runs store work off the event loop; a null result means an empty answer. */
  private static void blocking(RoutingContext ctx, Callable<JsonObject> work, int status) {
    ctx.vertx()
        .executeBlocking(work, false)
        .onComplete(
            done -> {
              if (done.failed()) {
                if (done.cause() instanceof NotFound nf) {
                  Problems.send(ctx, 404, "Not Found", nf.getMessage());
                } else {
                  Problems.send(
                      ctx,
                      503,
                      "Service Unavailable",
                      "The key store cannot be reached; retry later.");
                }
              } else if (done.result() == null) {
                ctx.response().setStatusCode(status).end();
              } else {
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(done.result().encode());
              }
            });
  }

  private static JsonObject issuedJson(ApiKeyStore.Issued issued) {
    return describe(issued.key()).put("key", issued.secret());
  }

  private static JsonObject describe(ApiKeyStore.StoredKey k) {
    JsonObject json =
        new JsonObject()
            .put("id", k.id().toString())
            .put("name", k.name())
            .put("roles", new JsonArray(k.roles().stream().sorted().toList()))
            .put("createdAt", k.createdAt().toString())
            .put("createdBy", k.createdBy());
    if (k.requestsPerSecond() != null) {
      json.put("requestsPerSecond", k.requestsPerSecond());
    }
    if (k.expiresAt() != null) {
      json.put("expiresAt", k.expiresAt().toString());
    }
    if (k.revokedAt() != null) {
      json.put("revokedAt", k.revokedAt().toString());
    }
    if (k.replacedBy() != null) {
      json.put("replacedBy", k.replacedBy().toString());
    }
    return json;
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new BadRequest("the body must be a JSON object");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new BadRequest("the body is not valid JSON");
    }
  }

  private static Set<String> roles(Object value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw new BadRequest("roles: give at least one of " + SUITE_ROLES);
    }
    Set<String> roles = new LinkedHashSet<>();
    for (Object role : array) {
      if (!(role instanceof String r) || !SUITE_ROLES.contains(r)) {
        throw new BadRequest("roles: '" + role + "' is not one of " + SUITE_ROLES);
      }
      roles.add(r);
    }
    return roles;
  }

  private static Double number(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100_000) {
      throw new BadRequest(field + ": must be a number between 0 and 100000");
    }
    return n.doubleValue();
  }

  private static UUID id(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("id: '" + text + "' is not a key id");
    }
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  private static final class NotFound extends RuntimeException {
    NotFound(UUID id) {
      super("API key " + id + " does not exist in your tenant", null, false, false);
    }
  }
}
