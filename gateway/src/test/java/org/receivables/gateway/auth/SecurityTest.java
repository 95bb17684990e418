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
import java.util.UUID;
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
            io.smallrye.jwt.build.Jwt.issuer(OidcProvider.ISSUER)
                .audience(OidcProvider.AUDIENCE)
                .subject("bob")
                .expiresIn(300));
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
  void tokensForAnotherAudienceOrForNoneAreRefused() {
    String otherApp =
        OidcProvider.sign(OidcProvider.person("acme", "viewer").audience("another-application"));
    String noAudience =
        OidcProvider.sign(
            io.smallrye.jwt.build.Jwt.issuer(OidcProvider.ISSUER)
                .subject("carol@acme")
                .claim("tenant", "acme")
                .groups("viewer")
                .expiresIn(300));
    for (String token : new String[] {otherApp, noAudience}) {
      given()
          .header("Authorization", "Bearer " + token)
          .get("/api/v1/customers")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("detail", containsString("audience"));
    }
  }

  @Test
  void peopleWhoseSubjectAndTenantRunTogetherAreStillTwoPeople() throws Exception {
    // "a:b" of tenant "c" and "a" of tenant "b:c" once shared a cache key, hence a token
    JsonObject first =
        forwardedClaims(
            OidcProvider.sign(
                OidcProvider.person("c", "viewer").subject("a:b").claim("tenant", "c")));
    JsonObject second =
        forwardedClaims(
            OidcProvider.sign(
                OidcProvider.person("b:c", "viewer").subject("a").claim("tenant", "b:c")));
    assertThat(first.getString("sub")).isEqualTo("a:b");
    assertThat(first.getString("tenant")).isEqualTo("c");
    assertThat(second.getString("sub")).isEqualTo("a");
    assertThat(second.getString("tenant")).isEqualTo("b:c");
  }

  @Test
  void anAddressThatKeepsFailingIsRefusedBeforeItsCredentialsAreChecked() {
    String attacker = "203.0.113.9";
    int refusedAt = -1;
    for (int i = 1; i <= 250 && refusedAt < 0; i++) {
      int status =
          given()
              .header("X-Forwarded-For", attacker)
              .header(
                  i % 2 == 0 ? "X-API-Key" : "Authorization",
                  i % 2 == 0 ? "guess-" + i : "Bearer not.a.token" + i)
              .get("/api/v1/customers")
              .then()
              .extract()
              .statusCode();
      if (status == 429) {
        refusedAt = i;
      } else {
        assertThat(status).isEqualTo(401);
      }
    }
    // burst 100, refilled at 0.1/s while the test runs (%test in application.properties)
    assertThat(refusedAt).isBetween(101, 250);
    given()
        .header("X-Forwarded-For", attacker)
        .header("X-API-Key", "another-guess")
        .get("/api/v1/customers")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9]|10"))
        .body("status", equalTo(429));
    // even a right key waits: nothing from that address is looked up meanwhile
    given()
        .header("X-Forwarded-For", attacker)
        .header("X-API-Key", DemoKeys.ACME_VIEWER)
        .get("/api/v1/customers")
        .then()
        .statusCode(429);
    // other addresses are not affected, nor requests without credentials (they cost nothing)
    given()
        .header("X-Forwarded-For", "198.51.100.4")
        .header("X-API-Key", DemoKeys.ACME_VIEWER)
        .get("/api/v1/customers")
        .then()
        .statusCode(200);
    given().header("X-Forwarded-For", attacker).get("/api/v1/customers").then().statusCode(401);
  }

  @Test
  void aKeyOverItsRateGets429WithRetryAfter() {
    given()
        .header("X-API-Key", "rate-limited-test-key")
        .get("/api/v1/customers")
        .then()
        .statusCode(200);
    String refused = "refused-" + UUID.randomUUID();
    given()
        .header("X-API-Key", "rate-limited-test-key")
        .header("X-Request-Id", refused)
        .get("/api/v1/customers")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("5"));
    assertThat(FakeUpstream.seen(refused))
        .as("a refused request never reaches the service")
        .isFalse();
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
