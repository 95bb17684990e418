package org.receivables.dunning.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.dunning.GreenMail;

/** Runs accepted with Prefer: respond-async, done by the worker, taken up again after a crash. */
@QuarkusTest
class AsyncRunTest extends DunningFlowSupport {

  @Inject EntityManager em;
  @Inject DailyRun daily;

  @Test
  void anAsyncRunIsAcceptedThenCompletesAndItsActionsArePaged() {
    String mailA = mail();
    String mailB = mail();
    String a = customer(mailA, null, "fr");
    String b = customer(mailB, null, "en");
    awaitReplica(invoice(a, "410.00", AS_OF.minusDays(2)), invoice(b, "95.00", AS_OF.minusDays(3)));

    Response accepted = postAsync(null);
    accepted
        .then()
        .statusCode(202)
        .header("Preference-Applied", "respond-async")
        .body("status", equalTo("RUNNING"))
        .body("asOf", equalTo(AS_OF.toString()));
    String id = accepted.path("id");
    assertThat(accepted.header("Location")).endsWith("/api/v1/dunning/runs/" + id);

    JsonPath done = awaitFinished(id);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getInt("remindersSent")).isEqualTo(2);
    assertThat(done.getInt("progress.remindersTotal")).isEqualTo(2);
    assertThat(done.getInt("progress.remindersPending")).isZero();
    assertThat(done.getBoolean("progress.planned")).isTrue();
    assertThat(done.getString("finishedAt")).isNotNull();
    assertThat(GreenMail.inbox(mailA)).hasSize(1);
    assertThat(GreenMail.inbox(mailB)).hasSize(1);

    JsonPath first = actions(id, null);
    assertThat(first.getList("items")).hasSize(1);
    String cursor = first.getString("nextCursor");
    assertThat(cursor).isNotNull();
    JsonPath second = actions(id, cursor);
    assertThat(second.getList("items")).hasSize(1);
    assertThat(second.getString("nextCursor")).isNull();
    assertThat(
            List.of(
                first.getString("items[0].customerId"), second.getString("items[0].customerId")))
        .containsExactlyInAnyOrder(a, b);
    given()
        .header("Authorization", admin())
        .queryParam("cursor", "not-a-cursor")
        .get("/api/v1/dunning/runs/" + id + "/actions")
        .then()
        .statusCode(400);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/runs/" + UUID.randomUUID() + "/actions")
        .then()
        .statusCode(404);

    // as the process dying after sending, before completing, leaves it: RUNNING and queued again
    sql(
        "update dunning_run set status = 'RUNNING', finished_at = null where id = :id",
        Map.of("id", UUID.fromString(id)));
    sql(
        "insert into run_queue (run_id, tenant, queued_at) values (:id, :t, :at)",
        Map.of("id", UUID.fromString(id), "t", tenant, "at", Instant.now()));
    assertThat(awaitFinished(id).getString("status")).isEqualTo("COMPLETED");
    assertThat(GreenMail.inbox(mailA)).hasSize(1);
    assertThat(GreenMail.inbox(mailB)).hasSize(1);
  }

  @Test
  void aRunLeftRunningByACrashBeforeItPlannedIsDoneByTheWorker() {
    String email = mail();
    String c = customer(email, null, "fr");
    awaitReplica(invoice(c, "730.00", AS_OF.minusDays(4)));
    UUID id = UUID.randomUUID();
    // as the request that accepted it leaves it when the service dies before any worker took it
    sql(
        "insert into dunning_run (id, tenant_id, as_of, dry_run, trigger, started_at, status,"
            + " planned) values (:id, :t, :asOf, false, 'API', :at, 'RUNNING', false)",
        Map.of("id", id, "t", tenant, "asOf", AS_OF, "at", Instant.now()));
    sql(
        "insert into run_queue (run_id, tenant, queued_at) values (:id, :t, :at)",
        Map.of("id", id, "t", tenant, "at", Instant.now()));

    JsonPath done = awaitFinished(id.toString());
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getInt("remindersSent")).isEqualTo(1);
    assertThat(GreenMail.inbox(email)).hasSize(1);
    assertThat(reminders(c).getList("items.runId", String.class)).containsExactly(id.toString());
  }

  @Test
  void anAsyncRunReplayedWithItsIdempotencyKeyIsTheSameRun() {
    String email = mail();
    String c = customer(email, null, "fr");
    awaitReplica(invoice(c, "215.00", AS_OF.minusDays(2)));
    String key = UUID.randomUUID().toString();
    Response first = postAsync(key);
    first.then().statusCode(202);
    String id = first.path("id");
    postAsync(key)
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .header("Location", endsWith("/api/v1/dunning/runs/" + id))
        .body("id", equalTo(id));
    assertThat(awaitFinished(id).getInt("remindersSent")).isEqualTo(1);
    assertThat(GreenMail.inbox(email)).hasSize(1);
    assertThat(runIds()).containsExactly(id);
  }

  @Test
  void theDailyRunQueuesEachTenantsRunForTheWorker() {
    String c = customer(mail(), null, "fr");
    awaitReplica(invoice(c, "120.00", AS_OF.minusDays(2)));
    // a fixed day long before the invoices: nothing is due, the run only has to complete
    LocalDate day = LocalDate.of(2001, 2, 3);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("delete from scheduled_run where day = :d")
                    .setParameter("d", day)
                    .executeUpdate());
    assertThat(daily.runFor(day)).isTrue();
    JsonPath runs =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(runs.getList("items.trigger", String.class)).containsExactly("SCHEDULE");
    JsonPath done = awaitFinished(runs.getString("items[0].id"));
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getString("asOf")).isEqualTo(day.toString());
    assertThat(done.getInt("remindersSent")).isZero();
  }

  private Response postAsync(String idempotencyKey) {
    var request =
        given()
            .header("Authorization", admin())
            .header("Prefer", "respond-async")
            .contentType("application/json")
            .body(Map.of("asOf", AS_OF.toString()));
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return request.post("/api/v1/dunning/runs");
  }

  private JsonPath run(String id) {
    return given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/runs/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private JsonPath awaitFinished(String id) {
    await(() -> !"RUNNING".equals(run(id).getString("status")), "run " + id + " finished");
    return run(id);
  }

  private JsonPath actions(String id, String cursor) {
    var request = given().header("Authorization", admin()).queryParam("limit", 1);
    if (cursor != null) {
      request = request.queryParam("cursor", cursor);
    }
    return request
        .get("/api/v1/dunning/runs/" + id + "/actions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private void sql(String statement, Map<String, Object> params) {
    TenantSql.run(em, tenant, statement, params);
  }
}
