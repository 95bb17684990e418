package org.receivables.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TestTokens;

/** Targets per tenant and their validation; the variance report on them. */
@QuarkusTest
class TargetsTest {

  @Test
  void aCreditManagerSetsTargetsThatOnlyItsTenantSees() {
    String tenant = TestTokens.freshTenant();
    String manager = TestTokens.bearer(tenant, "credit-manager");
    given()
        .header("Authorization", manager)
        .contentType("application/json")
        .body("{\"value\": 45}")
        .put("/api/v1/kpis/targets/DSO")
        .then()
        .statusCode(200)
        .body("kpi", equalTo("DSO"))
        .body("comparison", equalTo("AT_MOST"));
    given()
        .header("Authorization", manager)
        .contentType("application/json")
        .body("{\"value\": 80}")
        .put("/api/v1/kpis/targets/cei")
        .then()
        .statusCode(200)
        .body("comparison", equalTo("AT_LEAST"));
    given()
        .header("Authorization", TestTokens.bearer(tenant, "viewer"))
        .get("/api/v1/kpis/targets")
        .then()
        .statusCode(200)
        .body("$", hasSize(2));
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.freshTenant(), "viewer"))
        .get("/api/v1/kpis/targets")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    given()
        .header("Authorization", TestTokens.bearer(tenant, "viewer"))
        .queryParam("asOf", "2026-06-30")
        .get("/api/v1/kpis/variance")
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("items.find { it.kpi == 'CEI' }.history", hasSize(7));
    given()
        .header("Authorization", manager)
        .delete("/api/v1/kpis/targets/CEI")
        .then()
        .statusCode(204);
    given()
        .header("Authorization", manager)
        .delete("/api/v1/kpis/targets/CEI")
        .then()
        .statusCode(404);
  }

  @Test
  void badTargetsAreRejectedNamingTheField() {
    String manager = TestTokens.bearer(TestTokens.freshTenant(), "credit-manager");
    given()
        .header("Authorization", manager)
        .contentType("application/json")
        .body("{\"value\": 45}")
        .put("/api/v1/kpis/targets/NOPE")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("kpi"));
    given()
        .header("Authorization", manager)
        .contentType("application/json")
        .body("{}")
        .put("/api/v1/kpis/targets/DSO")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.freshTenant(), "viewer"))
        .contentType("application/json")
        .body("{\"value\": 45}")
        .put("/api/v1/kpis/targets/DSO")
        .then()
        .statusCode(403);
  }

  @Test
  void periodParametersAreChecked() {
    String viewer = TestTokens.bearer(TestTokens.freshTenant(), "viewer");
    given()
        .header("Authorization", viewer)
        .queryParam("asOf", "2026-06-30")
        .queryParam("from", "2026-07-01")
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
    given()
        .header("Authorization", viewer)
        .queryParam("customerId", "not-a-uuid")
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("customerId"));
    given()
        .header("Authorization", viewer)
        .queryParam("weeks", "x")
        .get("/api/v1/kpis/cash-forecast")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("weeks"));
    given()
        .header("Authorization", viewer)
        .queryParam("interval", "YEAR")
        .get("/api/v1/kpis/trend")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("interval"));
  }
}
