package org.receivables.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;

@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class AuthenticationTest {

  @Test
  void noKeyIsUnauthorized() {
    given()
        .get("/api/v1/invoices")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "ApiKey, Bearer")
        .header("X-Request-Id", not(equalTo(null)))
        .body("status", equalTo(401))
        .body("type", equalTo("https://receivables.org/problems/401"))
        .body("instance", equalTo("/api/v1/invoices"));
  }

  @Test
  void unknownKeyIsUnauthorized() {
    given()
        .header("X-API-Key", "acme-admin-key-guess")
        .get("/api/v1/invoices")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "ApiKey, Bearer")
        .body("detail", containsString("not valid"));
  }

  @Test
  void theHashItselfIsNotAKey() {
    given()
        .header("X-API-Key", "4e1864c3d455d01b83d67590a06fa2ceb6e86b8e944b6b8808eab7ab83b7b721")
        .get("/api/v1/invoices")
        .then()
        .statusCode(401);
  }

  @Test
  void aMalformedBearerTokenIsUnauthorized() {
    given()
        .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
        .get("/api/v1/invoices")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("not valid"));
  }

  @Test
  void dashboardNeedsAKey() {
    given().get("/dashboard").then().statusCode(401);
    given().get("/dashboard/overview").then().statusCode(401);
    given().header("X-API-Key", DemoKeys.ACME_VIEWER).get("/dashboard").then().statusCode(200);
  }

  @Test
  void unknownApiPathIsUnauthorizedBeforeItIsNotFound() {
    given().get("/api/v1/nope").then().statusCode(401);
  }

  @Test
  void operationsEndpointsAreOpen() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
  }
}
