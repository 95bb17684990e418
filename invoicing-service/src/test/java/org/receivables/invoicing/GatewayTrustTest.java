package org.receivables.invoicing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TestTokens;

/**
 * What the service trusts of a request: only a token the gateway minted for this service (its
 * {@code aud}), and never the client's Host when it names a new resource.
 */
@QuarkusTest
class GatewayTrustTest {

  private final String tenant = TestTokens.freshTenant();

  @Test
  void aTokenForAnotherServiceOrForNoneIsRefused() {
    for (String token :
        new String[] {
          TestTokens.bearerFor("receivables-scoring", tenant, "viewer"),
          TestTokens.bearerFor(null, tenant, "viewer")
        }) {
      given().header("Authorization", token).get("/api/v1/customers").then().statusCode(401);
    }
    given()
        .header("Authorization", TestTokens.bearerFor("receivables-invoicing", tenant, "viewer"))
        .get("/api/v1/customers")
        .then()
        .statusCode(200);
  }

  @Test
  void locationIsOnThePublicUrlWhateverHostTheClientSends() {
    given()
        .header("Authorization", TestTokens.bearer(tenant, "erp"))
        .header("Host", "evil.example")
        .header("X-Forwarded-Host", "evil.example")
        .header("Forwarded", "host=evil.example;proto=https")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "externalRef", "C-" + UUID.randomUUID(),
                "name", "Boulangerie Martin",
                "country", "FR",
                "currency", "EUR",
                "language", "fr",
                "email", "compta@martin.example",
                "paymentTerms", Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .header("Location", not(containsString("evil")))
        // %test.service-kit.public-url
        .header(
            "Location",
            matchesPattern("https://api\\.receivables\\.test/api/v1/customers/[0-9a-f-]{36}"));
  }
}
