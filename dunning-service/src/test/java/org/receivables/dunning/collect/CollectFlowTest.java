package org.receivables.dunning.collect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.ScoreChanged;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;

/**
 * The collectors' side: risk-driven ladders, the call worklist, exemptions and agency hand-overs.
 */
@QuarkusTest
class CollectFlowTest extends DunningFlowSupport {

  @Test
  void riskClassFromScoringChoosesTheFasterLadderAndCallsAreOrderedByExpectedValue() {
    String risky = customer(mail(), "+33600000102", "fr");
    String safe = customer(mail(), null, "fr");
    KafkaWriter.publish(
        Topics.SCORING,
        UUID.randomUUID().toString(),
        new ScoreChanged(
            tenant,
            risky,
            200,
            "E",
            new BigDecimal("0.40"),
            BigDecimal.ZERO,
            "EUR",
            Instant.now()));
    KafkaWriter.publish(
        Topics.SCORING,
        UUID.randomUUID().toString(),
        new ScoreChanged(
            tenant, safe, 900, "C", new BigDecimal("0.02"), BigDecimal.ZERO, "EUR", Instant.now()));
    // 12 days late: the fast ladder (D/E) calls at 12; the standard ladder sends the second
    // reminder at 10
    InvoiceIssued a = invoice(risky, "1000.00", AS_OF.minusDays(12));
    InvoiceIssued b = invoice(safe, "900.00", AS_OF.minusDays(20));
    awaitReplica(a, b);
    await(
        () ->
            "E"
                .equals(
                    given()
                        .header("Authorization", admin())
                        .get("/api/v1/dunning/customers/" + risky)
                        .then()
                        .extract()
                        .path("riskClass")),
        "risk class replicated");
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + risky)
        .then()
        .body("effectivePolicyName", equalTo("French B2B fast (risk D/E)"));
    JsonPath r = run(AS_OF);
    assertThat(r.getInt("callTasksCreated")).isEqualTo(2);
    JsonPath tasks =
        given()
            .header("Authorization", admin())
            .queryParam("status", "OPEN")
            .get("/api/v1/dunning/call-tasks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // 900 × 0.98 = 882 before 1,000 × 0.60 = 600
    assertThat(tasks.getList("items.customerId", String.class)).containsExactly(safe, risky);
    String taskId = tasks.getString("items[0].id");
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("outcome", "REACHED_PROMISED", "note", "Paiement vendredi"))
        .post("/api/v1/dunning/call-tasks/" + taskId + "/outcome")
        .then()
        .statusCode(200)
        .body("status", equalTo("DONE"));
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + safe + "/timeline")
        .then()
        .body("items.kind", hasItem("CALL_OUTCOME"))
        .body("items.summary", hasItem("Call: REACHED_PROMISED - Paiement vendredi"));
  }

  /** SchemaFuzzIT found it: settings saved without a reason were answered 500 when read back. */
  @Test
  void settingsSavedWithoutAReasonAreAnsweredWithoutOne() {
    String customer = customer(mail(), null, "fr");
    awaitCustomer(customer);
    for (int i = 0; i < 2; i++) {
      given()
          .header("Authorization", admin())
          .contentType("application/json")
          .body(Map.of("exempt", false))
          .put("/api/v1/dunning/customers/" + customer + "/settings")
          .then()
          .statusCode(200)
          .body("exempt", equalTo(false))
          .body("reason", nullValue());
    }
  }

  @Test
  void exemptedCustomersAreLeftAloneAndAgencyHandOversAreExported() {
    String exempt = customer(mail(), null, "fr");
    String late = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(exempt, "400.00", AS_OF.minusDays(5));
    InvoiceIssued b = invoice(late, "2500.00", AS_OF.minusDays(90));
    awaitReplica(a, b);
    awaitCustomer(exempt);
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("exempt", true, "reason", "Key account"))
        .put("/api/v1/dunning/customers/" + exempt + "/settings")
        .then()
        .statusCode(200)
        .body("exempt", equalTo(true));
    JsonPath first = run(AS_OF);
    assertThat(skipReasons(first, a.invoiceId())).containsExactly("CUSTOMER_EXEMPT");
    // 90 days late, never chased: the formal notice comes first, then credit hold and agency later
    assertThat(first.getList("actions.step", String.class)).containsExactly("FORMAL_NOTICE");
    assertThat(run(AS_OF.plusDays(5)).getList("actions.step", String.class))
        .containsExactly("CREDIT_HOLD");
    assertThat(run(AS_OF.plusDays(10)).getList("actions.step", String.class))
        .containsExactly("AGENCY");
    String csv =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/agency-handovers/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.lines()).hasSize(2);
    assertThat(csv).contains(b.number(), "2500.00", late);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + late + "/timeline")
        .then()
        .body("items.kind", hasItem("CREDIT_HOLD_REQUESTED"))
        .body("items.kind", hasItem("ESCALATED_AGENCY"));
  }
}
