package org.receivables.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.InternalJwt;

@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class InternalTokenTest {

  @Test
  void adminKeyBecomesASignedTokenForItsTenant() throws Exception {
    JsonObject headers = echoedHeaders(DemoKeys.ACME_ADMIN);

    assertThat(headers.containsKey("x-api-key")).isFalse();
    JsonObject claims = InternalJwt.verifiedClaims(only(headers, "authorization"));
    assertThat(claims.getString("iss")).isEqualTo("receivables-gateway");
    assertThat(claims.getString("sub")).isEqualTo("acme-admin");
    assertThat(claims.getString("tenant")).isEqualTo("acme");
    assertThat(claims.getValue("aud").toString()).contains("receivables-invoicing");
    assertThat(claims.getJsonArray("groups").getList())
        .containsExactlyInAnyOrder("admin", "erp", "collector", "credit-manager", "viewer");
    long lifetime = claims.getLong("exp") - claims.getLong("iat");
    assertThat(lifetime).isBetween(1L, 60L);
  }

  @Test
  void viewerKeyCarriesOnlyViewer() throws Exception {
    JsonObject claims =
        InternalJwt.verifiedClaims(only(echoedHeaders(DemoKeys.ACME_VIEWER), "authorization"));
    assertThat(claims.getString("tenant")).isEqualTo("acme");
    assertThat(claims.getJsonArray("groups").getList()).containsExactly("viewer");
  }

  @Test
  void globexKeyCarriesGlobex() throws Exception {
    JsonObject claims =
        InternalJwt.verifiedClaims(only(echoedHeaders(DemoKeys.GLOBEX_ADMIN), "authorization"));
    assertThat(claims.getString("tenant")).isEqualTo("globex");
    assertThat(claims.getJsonArray("groups").getList()).hasSize(5);
  }

  @Test
  void aClientAuthorizationHeaderNeverReachesTheService() throws Exception {
    String body =
        given()
            .header("X-API-Key", DemoKeys.ACME_VIEWER)
            .header("Authorization", "Basic c29tZW9uZTplbHNl")
            .get("/api/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonObject headers = new JsonObject(body).getJsonObject("headers");
    assertThat(InternalJwt.verifiedClaims(only(headers, "authorization")).getString("tenant"))
        .isEqualTo("acme");
  }

  @Test
  void tokenIsReusedWithinItsHalfLife() {
    String first = only(echoedHeaders(DemoKeys.GLOBEX_ADMIN), "authorization");
    String second = only(echoedHeaders(DemoKeys.GLOBEX_ADMIN), "authorization");
    assertThat(second).isEqualTo(first);
    assertThat(only(echoedHeaders(DemoKeys.ACME_ADMIN), "authorization")).isNotEqualTo(first);
  }

  @Test
  void eachServiceGetsATokenForItsOwnAudience() throws Exception {
    String invoicing = only(echoedHeaders(DemoKeys.GLOBEX_ADMIN), "authorization");
    String dunning =
        only(echoedHeaders(DemoKeys.GLOBEX_ADMIN, "/api/v1/dunning/runs"), "authorization");
    String kpi =
        only(echoedHeaders(DemoKeys.GLOBEX_ADMIN, "/api/v1/kpis/summary"), "authorization");
    assertThat(audience(invoicing)).isEqualTo("receivables-invoicing");
    assertThat(audience(dunning)).isEqualTo("receivables-dunning");
    assertThat(audience(kpi)).isEqualTo("receivables-kpi");
    String webhooks =
        only(echoedHeaders(DemoKeys.GLOBEX_ADMIN, "/api/v1/webhooks"), "authorization");
    assertThat(audience(webhooks)).isEqualTo("receivables-webhooks");
    assertThat(dunning).isNotEqualTo(invoicing);
  }

  private static String audience(String authorization) throws Exception {
    Object aud = InternalJwt.verifiedClaims(authorization).getValue("aud");
    if (aud instanceof io.vertx.core.json.JsonArray list) {
      assertThat(list.size()).isEqualTo(1);
      return list.getString(0);
    }
    return (String) aud;
  }

  private static JsonObject echoedHeaders(String key) {
    return echoedHeaders(key, "/api/v1/invoices");
  }

  private static JsonObject echoedHeaders(String key, String path) {
    String body =
        given().header("X-API-Key", key).get(path).then().statusCode(200).extract().asString();
    return new JsonObject(body).getJsonObject("headers");
  }

  private static String only(JsonObject headers, String name) {
    List<Object> values = headers.getJsonArray(name).getList();
    assertThat(values).hasSize(1);
    return (String) values.get(0);
  }
}
