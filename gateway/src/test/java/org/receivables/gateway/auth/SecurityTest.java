package org.receivables.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.InternalJwt;
import org.receivables.gateway.testing.OidcProvider;

/** People's Bearer tokens, rate limits, CORS and security headers (OWASP API2, API4, API8). */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcProvider.class, scope = TestResourceScope.GLOBAL)
class SecurityTest {

  private static JsonObject forwardedClaims(String bearer) throws Exception {
    String body =
        given()
            .header("Authorization", "Bearer " + bearer)
            .get("/api/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonObject headers = new JsonObject(body).getJsonObject("headers");
    Object auth = headers.getValue("authorization");
    String value = auth instanceof io.vertx.core.json.JsonArray a ? a.getString(0) : (String) auth;
    return InternalJwt.verifiedClaims(value);
  }

  @Test
  void aPersonsTokenBecomesAnInternalTokenWithOnlySuiteRoles() throws Exception {
    JsonObject claims =
        forwardedClaims(OidcProvider.sign(OidcProvider.person("acme", "collector", "superuser")));
    assertThat(claims.getString("iss")).isEqualTo("receivables-gateway");
    assertThat(claims.getString("tenant")).isEqualTo("acme");
    assertThat(claims.getString("sub")).isEqualTo("alice@acme");
    assertThat(claims.getJsonArray("groups").getList()).containsExactly("collector");
  }

  @Test
  void aBodySentWithABearerTokenReachesTheServiceWhole() {
    String body = "{\"name\":\"" + "x".repeat(200_000) + "\"}";
    String echoed =
        given()
            .header(
                "Authorization", "Bearer " + OidcProvider.sign(OidcProvider.person("acme", "erp")))
            .contentType("application/json")
            .body(body)
            .post("/api/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonObject received = new JsonObject(echoed);
    assertThat(received.getInteger("bodyLength")).isEqualTo(body.length());
    assertThat(received.getString("bodySha256"))
        .isEqualTo(FakeUpstream.sha256(io.vertx.core.buffer.Buffer.buffer(body)));
  }

  @Test
  void expiredWronglySignedForeignOrTenantlessTokensAreRefused() {
    String expired =
        OidcProvider.sign(
            OidcProvider.person("acme", "viewer")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));
    String stranger = OidcProvider.signAsStranger(OidcProvider.person("acme", "viewer"));
    String otherIssuer =
        OidcProvider.sign(OidcProvider.person("acme", "viewer").issuer("https://evil.example"));
    String noTenant =
        OidcProvider.sign(
            io.smallrye.jwt.build.Jwt.issuer(OidcProvider.ISSUER).subject("bob").expiresIn(300));
    for (String token : new String[] {expired, stranger, otherIssuer}) {
      given()
          .header("Authorization", "Bearer " + token)
          .get("/api/v1/customers")
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
    given()
        .header("Authorization", "Bearer " + noTenant)
        .get("/api/v1/customers")
        .then()
        .statusCode(401)
        .body("detail", containsString("tenant"));
  }

  @Test
  void aKeyOverItsRateGets429WithRetryAfter() {
    given()
        .header("X-API-Key", "rate-limited-test-key")
        .get("/api/v1/customers")
        .then()
        .statusCode(200);
    given()
        .header("X-API-Key", "rate-limited-test-key")
        .get("/api/v1/customers")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("5"));
    // other keys of the same tenant are not affected by that key's limit
    given()
        .header("X-API-Key", DemoKeys.ACME_VIEWER)
        .get("/api/v1/customers")
        .then()
        .statusCode(200);
  }

  @Test
  void responsesCarrySecurityHeaders() {
    given()
        .header("X-API-Key", DemoKeys.ACME_VIEWER)
        .get("/api/v1/customers")
        .then()
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store");
    given()
        .get("/api/v1/customers")
        .then()
        .statusCode(401)
        .header("X-Content-Type-Options", "nosniff");
  }

  @Test
  void corsAllowsOnlyConfiguredOrigins() {
    given()
        .header("Origin", "https://app.example.test")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "X-API-Key,Content-Type")
        .options("/api/v1/invoices")
        .then()
        .header("Access-Control-Allow-Origin", "https://app.example.test");
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1/invoices")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
