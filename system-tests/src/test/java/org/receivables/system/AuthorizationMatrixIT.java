package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the merged OpenAPI document, called without credentials, with each single-role
 * key, and with another tenant's ids (OWASP API1, API2, API5). Generated from the document, so an
 * endpoint that declares no role rule fails here, and a new endpoint is covered without writing a
 * test for it.
 */
class AuthorizationMatrixIT {

  private static final String GATEWAY =
      System.getProperty("suite.gateway.url", "http://127.0.0.1:8080");

  /** Keys of tenant acme that hold exactly one role each (config/local/gateway.properties). */
  private static final Map<String, String> SINGLE_ROLE_KEYS =
      Map.of(
          "erp", "acme-erp-key",
          "collector", "acme-collector-key",
          "credit-manager", "acme-credit-key",
          "viewer", "acme-viewer-key",
          "admin", "acme-admin-only-key");

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> WRITE = Set.of("post", "put", "patch", "delete");

  private static RequestSpecification base() {
    return given().baseUri(GATEWAY).contentType(ContentType.JSON);
  }

  /**
   * Resources of tenant globex, by the path parameter names and collections that address them, for
   * the cross-tenant checks: a customer, an invoice, a payment and a dispute on it, and a webhook
   * subscription (disabled: it delivers nothing).
   */
  private static Map<String, String> globexIds() {
    String customerId =
        created(
            "/api/v1/customers",
            Map.of(
                "externalRef", "MATRIX-" + UUID.randomUUID(),
                "name", "Globex Corp",
                "country", "FR",
                "currency", "EUR",
                "language", "en",
                "paymentTerms", Map.of("days", 30)));
    String invoiceId =
        created(
            "/api/v1/invoices",
            Fixtures.invoice(customerId, "MATRIX-" + UUID.randomUUID(), "2026-01-15", "x", 10));
    String paymentId =
        created(
            "/api/v1/invoices/" + invoiceId + "/payments",
            Map.of("amount", 1, "receivedOn", "2026-01-20"));
    String disputeId =
        created("/api/v1/invoices/" + invoiceId + "/disputes", Map.of("reason", "matrix probe"));
    String webhookId =
        created(
            "/api/v1/webhooks",
            Map.of(
                "url",
                "http://127.0.0.1:9/matrix-probe",
                "eventTypes",
                List.of("customer.created"),
                "enabled",
                false));
    Map<String, String> ids = new HashMap<>();
    ids.put("webhooks", webhookId);
    ids.put("webhookId", webhookId);
    ids.put("customers", customerId);
    ids.put("customerId", customerId);
    ids.put("invoices", invoiceId);
    ids.put("invoiceId", invoiceId);
    ids.put("payments", paymentId);
    ids.put("disputes", disputeId);
    ids.put("disputeId", disputeId);
    return ids;
  }

  private static String created(String path, Map<String, Object> body) {
    return base()
        .header("X-API-Key", "globex-admin-key")
        .body(body)
        .post(path)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * Fills path parameters with the globex resource a parameter names (by its name, else by the
   * collection before it), else an unknown id.
   */
  private static String concrete(String path, Map<String, String> globex) {
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String collection = path.substring(0, m.start()).replaceAll(".*/([^/]+)/$", "$1");
      String value = globex.getOrDefault(m.group(1), globex.get(collection));
      m.appendReplacement(out, value != null ? value : UUID.randomUUID().toString());
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the concrete path names at least one of globex's resources. */
  private static boolean namesForeignResource(String path, Map<String, String> globex) {
    return globex.values().stream().anyMatch(path::contains);
  }

  private static Response call(String method, String path, String apiKey, boolean takesBody) {
    RequestSpecification request = base();
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    if (takesBody) {
      // an unknown field: a caller that may do it gets a 400, so the matrix never changes data
      request.body("{\"matrixProbe\": true}");
    }
    return request.request(method.toUpperCase(), path);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationEnforcesCredentialsRolesAndTenants() {
    JsonPath document = base().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    Map<String, Map<String, Object>> paths = document.getMap("paths");
    assertThat(paths).as("the merged document lists the API").isNotEmpty();
    Map<String, String> globex = globexIds();
    List<String> failures = new ArrayList<>();
    int operations = 0;
    int foreignChecks = 0;

    for (var pathEntry : paths.entrySet()) {
      String template = pathEntry.getKey();
      if (!template.startsWith("/api/")) {
        continue;
      }
      for (var opEntry : pathEntry.getValue().entrySet()) {
        String method = opEntry.getKey();
        if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
          continue;
        }
        operations++;
        String name = method.toUpperCase() + " " + template;
        Set<String> allowed = rolesOf((Map<String, Object>) opEntry.getValue());
        if (allowed.isEmpty()) {
          failures.add(name + ": declares no role rule (security requirement with roles)");
          continue;
        }
        String path = concrete(template, globex);
        // Only an operation that takes a body gets one: a body elsewhere breaks the document.
        boolean takesBody = ((Map<String, Object>) opEntry.getValue()).containsKey("requestBody");

        int anonymous = call(method, path, null, takesBody).statusCode();
        if (anonymous != 401) {
          failures.add(name + ": without credentials answered " + anonymous + ", expected 401");
        }
        for (var role : SINGLE_ROLE_KEYS.entrySet()) {
          int status = call(method, path, role.getValue(), takesBody).statusCode();
          boolean may = allowed.contains(role.getKey());
          if (status >= 500) {
            failures.add(
                name + " as " + role.getKey() + ": answered " + status + " (a 5xx is a bug)");
          } else if (may && (status == 401 || status == 403)) {
            failures.add(
                name
                    + " as "
                    + role.getKey()
                    + ": refused with "
                    + status
                    + " but the role is allowed");
          } else if (!may && status != 403) {
            failures.add(name + " as " + role.getKey() + ": answered " + status + ", expected 403");
          }
        }
        if (namesForeignResource(path, globex)) {
          // acme's key holds every role: only the tenant can stop it. A write probe may be refused
          // for its body first (400); it must never reach globex's data.
          int foreign = call(method, path, "acme-admin-key", takesBody).statusCode();
          boolean expected = foreign == 404 || (!method.equals("get") && foreign == 400);
          if (!expected) {
            failures.add(
                name + ": acme calling globex's resource answered " + foreign + ", expected 404");
          }
          foreignChecks++;
        }
      }
    }
    assertThat(operations).as("operations checked").isGreaterThan(3);
    assertThat(foreignChecks).as("operations checked with another tenant's ids").isGreaterThan(10);
    assertThat(failures).as("authorisation matrix over %d operations", operations).isEmpty();
  }

  /** The roles an operation allows, from its security requirements (scopes list the roles). */
  @SuppressWarnings("unchecked")
  private static Set<String> rolesOf(Map<String, Object> operation) {
    Set<String> roles = new TreeSet<>();
    Object security = operation.get("security");
    if (security instanceof Collection<?> requirements) {
      for (Object requirement : requirements) {
        if (requirement instanceof Map<?, ?> map) {
          for (Object scopes : map.values()) {
            if (scopes instanceof Collection<?> list) {
              list.forEach(r -> roles.add(String.valueOf(r)));
            }
          }
        }
      }
    }
    Object extension = operation.get("x-roles");
    if (extension instanceof Collection<?> list) {
      list.forEach(r -> roles.add(String.valueOf(r)));
    }
    return roles;
  }
}
