package org.receivables.dunning.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;

/** Policies as versioned data, and the editable rate table. */
@QuarkusTest
class PolicyFlowTest extends DunningFlowSupport {

  @Test
  void policiesAreVersionedDataAndTheRateTableIsEditable() {
    JsonPath list =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/policies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(list.getList("items.name", String.class))
        .containsExactly(
            "French B2B fast (risk D/E)", "French B2B gentle (risk A/B)", "French B2B standard");
    Map<String, Object> body =
        Map.of(
            "name",
            "Key accounts",
            "segments",
            List.of("KEY"),
            "steps",
            List.of(
                Map.of(
                    "code",
                    "FRIENDLY",
                    "name",
                    "Friendly",
                    "offsetDays",
                    15,
                    "actions",
                    List.of("SEND"),
                    "channels",
                    List.of("EMAIL"),
                    "template",
                    "friendly")));
    String id =
        given()
            .header("Authorization", admin())
            .contentType("application/json")
            .body(body)
            .post("/api/v1/dunning/policies")
            .then()
            .statusCode(201)
            .body("version", equalTo(1))
            .extract()
            .path("id");
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(
            Map.of(
                "name",
                "Key accounts",
                "segments",
                List.of("KEY"),
                "minGapDays",
                10,
                "steps",
                List.of(
                    Map.of(
                        "code",
                        "FRIENDLY",
                        "name",
                        "Friendly",
                        "offsetDays",
                        20,
                        "actions",
                        List.of("SEND"),
                        "channels",
                        List.of("EMAIL"),
                        "template",
                        "friendly"))))
        .put("/api/v1/dunning/policies/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(body)
        .put("/api/v1/dunning/policies/" + id)
        .then()
        .statusCode(412);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/policies/" + id + "/versions")
        .then()
        .body("items.version", org.hamcrest.Matchers.contains(1, 2));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(body)
        .post("/api/v1/dunning/policies")
        .then()
        .statusCode(409);

    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("ecbRate", 2.15, "source", "test"))
        .put("/api/v1/dunning/interest-rates/2026-H1")
        .then()
        .statusCode(200)
        .body("frRate", equalTo(12.15f))
        .body("tenantOverride", equalTo(true));
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/interest-rates")
        .then()
        .body("items.halfYear", hasItem("2024-H2"));
  }
}
