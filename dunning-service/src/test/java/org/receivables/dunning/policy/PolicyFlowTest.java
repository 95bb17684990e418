package org.receivables.dunning.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  void twoFirstUsesSeedTheDefaultsOnceAndAVersionKeepsItsWholeLadder() throws Exception {
    Callable<List<String>> firstUse =
        () ->
            given()
                .header("Authorization", admin())
                .get("/api/v1/dunning/policies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name", String.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<String>> one = pool.submit(firstUse);
      Future<List<String>> two = pool.submit(firstUse);
      assertThat(one.get()).hasSize(3).isEqualTo(two.get());
    } finally {
      pool.shutdown();
    }

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Contractual risky");
    body.put("description", "Three rungs");
    body.put("isDefault", true);
    body.put("riskClasses", List.of("E", "D"));
    body.put("segments", List.of("KEY", "VIP"));
    body.put("priority", 40);
    body.put("minGapDays", 7);
    body.put("interestBasis", "CONTRACTUAL");
    body.put("contractualRate", new java.math.BigDecimal("12.50"));
    body.put(
        "steps",
        List.of(
            Map.of(
                "code",
                "FRIENDLY",
                "name",
                "Friendly",
                "offsetDays",
                1,
                "channels",
                List.of("SMS", "EMAIL"),
                "template",
                "friendly",
                "minimumAmount",
                new java.math.BigDecimal("15.00"),
                "actions",
                List.of("SEND")),
            Map.of(
                "code", "CALL", "name", "Call", "offsetDays", 20, "actions", List.of("CALL_TASK")),
            Map.of(
                "code",
                "NOTICE",
                "name",
                "Notice",
                "offsetDays",
                30,
                "channels",
                List.of("LETTER"),
                "template",
                "formal-notice",
                "actions",
                List.of("FORMAL_NOTICE", "CREDIT_HOLD"))));
    String id =
        given()
            .header("Authorization", admin())
            .contentType("application/json")
            .body(body)
            .post("/api/v1/dunning/policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    String read =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/policies/" + id)
            .then()
            .statusCode(200)
            .header("ETag", "\"1\"")
            .extract()
            .asString();
    JsonPath v = JsonPath.from(read);
    assertThat(v.getBoolean("isDefault")).isTrue();
    assertThat(v.getList("riskClasses", String.class)).containsExactly("E", "D");
    assertThat(v.getList("segments", String.class)).containsExactly("KEY", "VIP");
    assertThat(v.getInt("priority")).isEqualTo(40);
    assertThat(v.getInt("minGapDays")).isEqualTo(7);
    assertThat(v.getString("interestBasis")).isEqualTo("CONTRACTUAL");
    assertThat(v.getDouble("contractualRate")).isEqualTo(12.5);
    assertThat(v.getList("steps.code", String.class)).containsExactly("FRIENDLY", "CALL", "NOTICE");
    assertThat(v.getList("steps[0].channels", String.class)).containsExactly("SMS", "EMAIL");
    assertThat(read).contains("\"minimumAmount\":15.00");
    assertThat(v.getMap("steps[1]")).doesNotContainKeys("channels", "template", "minimumAmount");
    assertThat(v.getList("steps[1].actions", String.class)).containsExactly("CALL_TASK");
    assertThat(v.getList("steps[2].actions", String.class))
        .containsExactly("FORMAL_NOTICE", "CREDIT_HOLD");

    // the new default took the flag from the standard ladder, which got a version without it
    JsonPath all =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/policies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(all.getList("items.findAll { it.isDefault }.id", String.class)).containsExactly(id);
    assertThat(all.getInt("items.find { it.name == 'French B2B standard' }.version")).isEqualTo(2);
    assertThat(
            all.getList("items.find { it.name == 'French B2B standard' }.steps.code", String.class))
        .hasSize(7);

    given()
        .header("Authorization", admin())
        .delete("/api/v1/dunning/policies/" + id)
        .then()
        .statusCode(204);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/policies/" + id)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/policies")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
  }
}
