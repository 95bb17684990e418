package org.receivables.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Front-end teams want one document for the one host they call, not four: the services' paths,
 * components and tags are combined, and the gateway's own security schemes are added.
 */
public final class OpenApiMerger {

  static final String DEFAULT_VERSION = "3.1.0";

  /** The document of the gateway's own operations, merged last; it defines GatewayProblem. */
  static final String GATEWAY = "gateway";

  private static final String[] METHODS = {
    "get", "put", "post", "delete", "options", "head", "patch", "trace"
  };

  private OpenApiMerger() {}

  /**
   * @param documents each reachable service's document, by service name, in a stable order
   * @param unavailable the services whose document could not be fetched
   */
  public static JsonObject merge(Map<String, JsonObject> documents, List<String> unavailable) {
    JsonObject paths = new JsonObject();
    JsonObject components = new JsonObject();
    JsonArray tags = new JsonArray();
    String version = null;
    for (Map.Entry<String, JsonObject> source : documents.entrySet()) {
      JsonObject document = source.getValue();
      if (version == null) {
        version = document.getString("openapi");
      }
      if (!source.getKey().equals(GATEWAY)) {
        proxied(document.getJsonObject("paths"));
      }
      copyAbsent(document.getJsonObject("paths"), paths);
      JsonObject theirs = document.getJsonObject("components", new JsonObject());
      for (String kind : theirs.fieldNames()) {
        if (theirs.getValue(kind) instanceof JsonObject entries) {
          if (!components.containsKey(kind)) {
            components.put(kind, new JsonObject());
          }
          copyAbsent(entries, components.getJsonObject(kind));
        }
      }
      for (Object tag : document.getJsonArray("tags", new JsonArray())) {
        if (tag instanceof JsonObject named && !hasTag(tags, named.getString("name"))) {
          tags.add(named);
        }
      }
    }
    paths.forEach(path -> gatewaySecurity(path.getValue()));
    components.put("securitySchemes", securitySchemes());
    JsonObject merged =
        new JsonObject()
            .put("openapi", version == null ? DEFAULT_VERSION : version)
            .put(
                "info",
                new JsonObject()
                    .put("title", "Receivables suite API")
                    .put("version", "v1")
                    .put(
                        "description",
                        "Every service of the suite behind the gateway. Authenticate with X-API-Key."))
            .put(
                "security",
                new JsonArray()
                    .add(new JsonObject().put("apiKey", new JsonArray()))
                    .add(new JsonObject().put("bearer", new JsonArray())))
            .put("tags", tags)
            .put("paths", paths)
            .put("components", components);
    if (!unavailable.isEmpty()) {
      merged.put("x-unavailable", new JsonArray(List.copyOf(unavailable)));
    }
    return merged;
  }

  private static JsonObject securitySchemes() {
    return new JsonObject()
        .put(
            "apiKey",
            new JsonObject()
                .put("type", "apiKey")
                .put("in", "header")
                .put("name", "X-API-Key")
                .put("description", "The key of an ERP or machine client."))
        .put(
            "bearer",
            new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "A person's token from the company's OIDC provider."));
  }

  /**
   * Services declare roles on their own internal scheme; callers of the gateway use its schemes.
   * The roles move over (OpenAPI 3.1 allows role names as scopes) and are also listed in {@code
   * x-roles}.
   */
  private static void gatewaySecurity(Object pathItem) {
    if (!(pathItem instanceof JsonObject operations)) {
      return;
    }
    for (String method : operations.fieldNames()) {
      if (!(operations.getValue(method) instanceof JsonObject operation)
          || !(operation.getValue("security") instanceof JsonArray requirements)) {
        continue;
      }
      java.util.Set<String> roles = new java.util.TreeSet<>();
      for (Object requirement : requirements) {
        if (requirement instanceof JsonObject schemes) {
          schemes.forEach(
              scheme -> {
                if (scheme.getValue() instanceof JsonArray scopes) {
                  scopes.forEach(r -> roles.add(String.valueOf(r)));
                }
              });
        }
      }
      JsonArray allowed = new JsonArray(List.copyOf(roles));
      operation.put(
          "security",
          new JsonArray()
              .add(new JsonObject().put("apiKey", allowed.copy()))
              .add(new JsonObject().put("bearer", allowed.copy())));
      operation.put("x-roles", allowed);
    }
  }

  /**
   * A proxied operation may also end in the gateway's 504: the service took the request and stayed
   * silent past {@code gateway.proxy.response-timeout}.
   */
  private static void proxied(JsonObject paths) {
    if (paths == null) {
      return;
    }
    for (String path : paths.fieldNames()) {
      if (!(paths.getValue(path) instanceof JsonObject item)) {
        continue;
      }
      for (String method : METHODS) {
        if (item.getValue(method) instanceof JsonObject operation
            && operation.getValue("responses") instanceof JsonObject responses
            && !responses.containsKey("504")) {
          responses.put(
              "504", new JsonObject().put("$ref", "#/components/responses/GatewayProblem"));
        }
      }
    }
  }

  /** The first service to define a name keeps it; prefixes are disjoint, so clashes are rare. */
  private static void copyAbsent(JsonObject from, JsonObject to) {
    if (from == null) {
      return;
    }
    for (String name : from.fieldNames()) {
      if (!to.containsKey(name)) {
        to.put(name, from.getValue(name));
      }
    }
  }

  private static boolean hasTag(JsonArray tags, String name) {
    return tags.stream()
        .anyMatch(
            tag ->
                tag instanceof JsonObject t && java.util.Objects.equals(t.getString("name"), name));
  }
}
