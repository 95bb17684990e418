package org.receivables.gateway.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo keys of API.md, which the gateway knows only by their hashes (config/local), and fresh
 * keys made through the admin API, for tests whose traffic must not count against another's.
 */
public final class DemoKeys {

  public static final String ACME_ADMIN = "acme-admin-key";
  public static final String ACME_VIEWER = "acme-viewer-key";
  public static final String GLOBEX_ADMIN = "globex-admin-key";

  private DemoKeys() {}

  /** A new stored key of tenant acme (role viewer) with a rate limit of its own. */
  public static String created(double requestsPerSecond) {
    return given()
        .header("X-API-Key", ACME_ADMIN)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "test-" + UUID.randomUUID(),
                "roles",
                List.of("viewer"),
                "requestsPerSecond",
                requestsPerSecond))
        .post("/admin/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }
}
