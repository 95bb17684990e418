package org.receivables.gateway.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.OidcProvider;

/** Key creation, rotation and revocation through the admin API, on the real gateway database. */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcProvider.class, scope = TestResourceScope.GLOBAL)
class KeyAdminTest {

  private static Response create(String adminKey, Object body) {
    return given()
        .header("X-API-Key", adminKey)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/admin/v1/api-keys");
  }

  private static Map<String, Object> newKey(String name, String... roles) {
    return Map.of("name", name, "roles", List.of(roles));
  }

  private static int statusWith(String key) {
    return given().header("X-API-Key", key).get("/api/v1/customers").statusCode();
  }

  @Test
  void aCreatedKeyWorksAtOnceAndIsListedWithoutItsSecret() {
    Response created =
        create(DemoKeys.ACME_ADMIN, newKey("erp-nightly-" + UUID.randomUUID(), "erp"));
    created
        .then()
        .statusCode(201)
        .body("key", notNullValue())
        .body("roles", equalTo(List.of("erp")));
    String key = created.path("key");
    String id = created.path("id");
    assertThat(key).startsWith("rk_").hasSizeGreaterThan(40);
    assertThat(statusWith(key)).isEqualTo(200);

    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .get("/admin/v1/api-keys")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id))
        .body(not(containsString(key)));
    // another tenant's admin sees nothing of it
    given()
        .header("X-API-Key", DemoKeys.GLOBEX_ADMIN)
        .get("/admin/v1/api-keys")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
  }

  @Test
  void revocationTakesEffectImmediately() {
    Response created = create(DemoKeys.ACME_ADMIN, newKey("to-revoke", "viewer"));
    String key = created.path("key");
    String id = created.path("id");
    assertThat(statusWith(key)).isEqualTo(200);
    given()
        .header("X-API-Key", DemoKeys.GLOBEX_ADMIN)
        .delete("/admin/v1/api-keys/" + id)
        .then()
        .statusCode(404);
    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .delete("/admin/v1/api-keys/" + id)
        .then()
        .statusCode(204);
    assertThat(statusWith(key)).isEqualTo(401);
    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .delete("/admin/v1/api-keys/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void rotationKeepsTheOldKeyForItsGraceThenOnlyTheNewOne() {
    Response created = create(DemoKeys.ACME_ADMIN, newKey("rotating", "viewer"));
    String oldKey = created.path("key");
    String oldId = created.path("id");

    Response graceful =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .post("/admin/v1/api-keys/" + oldId + "/rotation");
    graceful.then().statusCode(201);
    String middleKey = graceful.path("key");
    assertThat(statusWith(oldKey)).isEqualTo(200);
    assertThat(statusWith(middleKey)).isEqualTo(200);

    Response immediate =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .contentType(ContentType.JSON)
            .body(Map.of("graceSeconds", 0))
            .post("/admin/v1/api-keys/" + graceful.path("id") + "/rotation");
    immediate.then().statusCode(201);
    assertThat(statusWith(middleKey)).isEqualTo(401);
    assertThat(statusWith(immediate.path("key"))).isEqualTo(200);
  }

  @Test
  void onlyAdminsManageKeysAndBadInputIsAProblem() {
    create(DemoKeys.ACME_VIEWER, newKey("nope", "viewer"))
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().post("/admin/v1/api-keys").then().statusCode(401);
    create(DemoKeys.ACME_ADMIN, newKey("bad", "root"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("roles"));
    create(DemoKeys.ACME_ADMIN, Map.of("roles", List.of("viewer")))
        .then()
        .statusCode(400)
        .body("detail", containsString("name"));
    create(DemoKeys.ACME_ADMIN, "{not json").then().statusCode(400);
    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .delete("/admin/v1/api-keys/not-a-uuid")
        .then()
        .statusCode(400);
  }
}
