package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Drives the running suite from outside, as an ERP would: through the gateway with the demo keys.
 * Every assertion is on a difference it caused, so data from earlier runs never matters.
 */
class SuiteFlowIT {

  private static final String GATEWAY =
      System.getProperty("suite.gateway.url", "http://127.0.0.1:8080");
  private static final String INVOICING =
      System.getProperty("suite.invoicing.url", "http://127.0.0.1:8081");
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static RequestSpecification key(String apiKey) {
    return given().baseUri(GATEWAY).header("X-API-Key", apiKey).contentType(ContentType.JSON);
  }

  private static RequestSpecification acme() {
    return key("acme-admin-key");
  }

  private static String createCustomer() {
    return acme()
        .body(Fixtures.customer("SYS-" + UUID.randomUUID(), "Quincaillerie Dupont"))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/customers/"))
        .extract()
        .path("id");
  }

  private static JsonPath summary(String apiKey) {
    return key(apiKey)
        .queryParam("asOf", AS_OF.toString())
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(
            JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
  }

  private static BigDecimal amount(JsonPath json, String path) {
    return new BigDecimal(json.getString(path));
  }

  @Test
  void anIssuedInvoiceReachesTheKpiSummary() {
    JsonPath before = summary("acme-viewer-key");
    String customerId = createCustomer();
    // issued 50 days before the as-of date with 30-day terms: 20 days overdue on that date
    acme()
        .body(
            Map.of(
                "customerId",
                customerId,
                "number",
                "SYS-" + UUID.randomUUID(),
                "issueDate",
                AS_OF.minusDays(50).toString(),
                "lines",
                List.of(
                    Map.of(
                        "description",
                        "Visserie",
                        "quantity",
                        10,
                        "unitPrice",
                        12.5,
                        "vatRate",
                        20),
                    Map.of(
                        "description", "Livre", "quantity", 1, "unitPrice", 30, "vatRate", 5.5))))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201)
        .body("dueDate", equalTo(AS_OF.minusDays(20).toString()))
        .body("totalInclTax", equalTo(181.65f));

    BigDecimal total = new BigDecimal("181.65");
    JsonPath after =
        Awaitility.await("the KPI summary shows the invoice")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> summary("acme-viewer-key"),
                latest ->
                    amount(latest, "outstanding")
                            .compareTo(amount(before, "outstanding").add(total))
                        == 0);
    assertThat(amount(after, "aging.days1to30"))
        .isEqualByComparingTo(amount(before, "aging.days1to30").add(total));
    assertThat(amount(after, "overdue")).isEqualByComparingTo(amount(before, "overdue").add(total));
    BigDecimal buckets =
        List.of("notDue", "days1to30", "days31to60", "days61to90", "over90").stream()
            .map(b -> amount(after, "aging." + b))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(buckets).isEqualByComparingTo(amount(after, "outstanding"));
  }

  @Test
  void credentialsRolesAndTenantsAreEnforced() {
    given()
        .baseUri(GATEWAY)
        .get("/api/v1/customers")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    key("not-a-key")
        .get("/api/v1/customers")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    key("acme-viewer-key")
        .body(Map.of("externalRef", "x"))
        .post("/api/v1/customers")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    String customerId = createCustomer();
    acme().get("/api/v1/customers/" + customerId).then().statusCode(200);
    key("globex-admin-key")
        .get("/api/v1/customers/" + customerId)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aServiceReachedDirectlyWithoutTheGatewayTokenAnswers401() {
    given().baseUri(INVOICING).get("/api/v1/customers").then().statusCode(401);
    given()
        .baseUri(INVOICING)
        .header("X-API-Key", "acme-admin-key")
        .get("/api/v1/customers")
        .then()
        .statusCode(401);
  }

  @Test
  void badInputIsAProblemThroughTheGateway() {
    acme()
        .body("{\"name\": ")
        .post("/api/v1/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    String customerId = createCustomer();
    acme()
        .body(
            Map.of(
                "customerId",
                customerId,
                "number",
                "SYS-" + UUID.randomUUID(),
                "issueDate",
                "2026-01-10",
                "lines",
                List.of(Map.of("description", "x", "quantity", -1, "unitPrice", 1, "vatRate", 20))))
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("lines[0].quantity"));
  }

  @Test
  void opsEndpointsAndTheMergedOpenApiDocument() {
    given().baseUri(GATEWAY).get("/q/health/ready").then().statusCode(200);
    JsonPath document =
        given()
            .baseUri(GATEWAY)
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .body("paths", hasKey("/api/v1/invoices"))
            .body("paths", hasKey("/api/v1/kpis/summary"))
            .extract()
            .jsonPath();
    // client generators name their methods after operationIds: each must be unique in the suite
    List<Object> ids = new java.util.ArrayList<>();
    document
        .<String, Map<String, Object>>getMap("paths")
        .forEach(
            (path, item) ->
                item.forEach(
                    (method, operation) -> {
                      if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                        ids.add(((Map<?, ?>) operation).get("operationId"));
                      }
                    }));
    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().hasSizeGreaterThan(40);
  }
}
