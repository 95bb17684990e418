package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collection;
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
          "viewer", "acme-viewer-key");

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> WRITE = Set.of("post", "put", "patch", "delete");

  private static RequestSpecification base() {
    return given().baseUri(GATEWAY).contentType(ContentType.JSON);
  }

  /** A customer and an invoice of tenant globex, for the cross-tenant checks. */
  private static Map<String, String> globexIds() {
    RequestSpecification globex = base().header("X-API-Key", "globex-admin-key");
    String customerId =
        globex
            .body(
                Map.of(
                    "externalRef", "MATRIX-" + UUID.randomUUID(),
                    "name", "Globex Corp",
                    "country", "FR",
                    "currency", "EUR",
                    "language", "en",
                    "paymentTerms", Map.of("days", 30)))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String invoiceId =
        base()
            .header("X-API-Key", "globex-admin-key")
            .body(
                Map.of(
                    "customerId",
                    customerId,
                    "number",
                    "MATRIX-" + UUID.randomUUID(),
                    "issueDate",
                    "2026-01-15",
                    "lines",
                    List.of(
                        Map.of("description", "x", "quantity", 1, "unitPrice", 10, "vatRate", 20))))
            .post("/api/v1/invoices")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return Map.of("customers", customerId, "invoices", invoiceId);
  }

  /** Fills path parameters: the globex resource the path is about, else an unknown id. */
  private static String concrete(String path, Map<String, String> globex) {
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    boolean first = true;
    while (m.find()) {
      String collection = path.substring(0, m.start()).replaceAll(".*/([^/]+)/$", "$1");
      String value =
          first && globex.containsKey(collection)
              ? globex.get(collection)
              : UUID.randomUUID().toString();
      m.appendReplacement(out, value);
      first = false;
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Response call(String method, String path, String apiKey) {
    RequestSpecification request = base();
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    if (WRITE.contains(method) && !method.equals("delete")) {
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

        int anonymous = call(method, path, null).statusCode();
        if (anonymous != 401) {
          failures.add(name + ": without credentials answered " + anonymous + ", expected 401");
        }
        for (var role : SINGLE_ROLE_KEYS.entrySet()) {
          int status = call(method, path, role.getValue()).statusCode();
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
        if (method.equals("get") && !path.equals(template) && allowed.contains("viewer")) {
          int foreign = call(method, path, "acme-viewer-key").statusCode();
          if (foreign != 404 && foreign != 400) {
            failures.add(name + ": another tenant's id answered " + foreign + ", expected 404");
          }
        }
      }
    }
    assertThat(operations).as("operations checked").isGreaterThan(3);
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
