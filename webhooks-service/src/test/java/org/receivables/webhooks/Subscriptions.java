package org.receivables.webhooks;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * The tests' one way to create a subscription and to rotate its secret through the API, so that
 * what a created subscription looks like (enabled, a {@code whsec_} secret) is checked in one
 * place.
 */
public final class Subscriptions {

  private Subscriptions() {}

  /** Subscribes the tenant (as its {@code erp} key) at that address; answers what was created. */
  public static JsonPath subscribe(String tenant, String url, String... types) {
    return as(tenant, "erp")
        .body(Map.of("url", url, "eventTypes", List.of(types), "description", "t"))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .body("secret", startsWith("whsec_"))
        .body("enabled", equalTo(true))
        .extract()
        .jsonPath();
  }

  /** Rotates the subscription's signing secret as that principal; answers the new secret. */
  public static String rotate(String tenant, String principal, String id) {
    return as(tenant, principal)
        .post("/api/v1/webhooks/" + id + "/secret/rotate")
        .then()
        .statusCode(200)
        .body("secret", startsWith("whsec_"))
        .extract()
        .path("secret");
  }
}
