package org.receivables.dunning.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

  @Inject AgroalDataSource dataSource;

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
    Map<String, Object> body = policyBody("Key accounts", "KEY", 15);
    String id =
        post("/api/v1/dunning/policies", null, body)
            .then()
            .statusCode(201)
            .body("version", equalTo(1))
            .extract()
            .path("id");
    Map<String, Object> changed = policyBody("Key accounts", "KEY", 20);
    changed.put("minGapDays", 10);
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(changed)
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
    post("/api/v1/dunning/policies", null, body).then().statusCode(409);

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
        post("/api/v1/dunning/policies", null, body).then().statusCode(201).extract().path("id");

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

  /**
   * Two writes of one version at once: both read version 1 and both store version 2. The version is
   * the key of the stored row, so the one that commits second is refused with 409, never a 500 nor
   * a version silently overwritten. To make both read before either stores, the test holds a share
   * lock on the policy table (reads pass, inserts wait) until both requests wait on it.
   */
  @Test
  void twoConcurrentWritesOfOneVersionStoreOneAndRefuseTheOtherWith409() throws Exception {
    String id =
        post("/api/v1/dunning/policies", null, policyBody("Raced", "RACE", 15))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Callable<Integer> write =
        () ->
            given()
                .header("Authorization", admin())
                .contentType("application/json")
                .header("If-Match", "\"1\"")
                .body(policyBody("Raced", "RACE", 20))
                .put("/api/v1/dunning/policies/" + id)
                .then()
                .extract()
                .statusCode();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Integer> statuses = new ArrayList<>();
    try (Connection gate = dataSource.getConnection()) {
      gate.setAutoCommit(false);
      try (Statement s = gate.createStatement()) {
        s.execute("lock table dunning_policy in share mode");
      }
      Future<Integer> one = pool.submit(write);
      Future<Integer> two = pool.submit(write);
      await(() -> insertsWaiting() == 2, "both writes waiting to store version 2");
      gate.commit();
      statuses.add(one.get());
      statuses.add(two.get());
    } finally {
      pool.shutdown();
    }

    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/policies/" + id + "/versions")
        .then()
        .statusCode(200)
        .body("items.version", org.hamcrest.Matchers.contains(1, 2));
  }

  /** Sessions of this database waiting on a lock to insert a policy version. */
  private long insertsWaiting() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database() and"
                    + " wait_event_type = 'Lock' and query ilike 'insert into dunning_policy %'")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
