package org.receivables.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DomainEvent;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * Scoring is the one owner of the credit hold: invoicing's echo of it in {@code CustomerUpdated}
 * changes nothing here. And a retried credit decision with the same {@code Idempotency-Key} is
 * decided and logged once.
 */
@QuarkusTest
class CreditHoldOwnershipTest {

  private final String tenant = TestTokens.freshTenant();

  private RequestSpecification manager() {
    return given()
        .header("Authorization", TestTokens.bearer(tenant, "credit-manager"))
        .contentType(ContentType.JSON);
  }

  private static void publish(DomainEvent e) {
    KafkaWriter.publish(Topics.INVOICING, UUID.randomUUID().toString(), e);
  }

  private static PaymentTermsData terms() {
    return new PaymentTermsData(30, "NONE");
  }

  @Test
  void aCreditHoldEchoedByInvoicingIsNotASourceOfHolds() {
    String c = UUID.randomUUID().toString();
    String sector = "echo-" + UUID.randomUUID();
    manager()
        .body(Map.of("level", "HIGH"))
        .put("/api/v1/scores/sector-risks/" + sector)
        .then()
        .statusCode(200);
    publish(
        new CustomerRegistered(
            tenant, c, "C-" + c, "Echo SARL", "FR", "EUR", "fr", null, null, "retail", terms()));
    // the update moves the customer into the sector (seen in the score) and carries invoicing's
    // echo of a hold; written as JSON so the test holds whether or not the event keeps that field
    String update =
        """
        {"tenantId":"%s","customerId":"%s","externalRef":"C-%s","name":"Echo SARL",\
        "country":"FR","currency":"EUR","language":"fr","segment":"%s",\
        "paymentTerms":{"days":30,"endOfMonth":"NONE"},"doNotDun":false,"creditHold":true}"""
            .formatted(tenant, c, c, sector);
    KafkaWriter.send(
        Topics.INVOICING,
        tenant + ":" + c,
        update,
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            UUID.randomUUID().toString(),
            "ce_type",
            CustomerUpdated.TYPE,
            "ce_source",
            "/test",
            "ce_subject",
            c,
            "ce_tenantid",
            tenant,
            "content-type",
            "application/json"));
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> manager().get("/api/v1/scores/" + c),
            r ->
                r.statusCode() == 200
                    && r.jsonPath().getList("reasons.factor").contains("sectorRisk"));
    JsonPath hold =
        manager()
            .get("/api/v1/scores/" + c + "/credit-hold")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(hold.getBoolean("onHold")).isFalse();
    assertThat(hold.getList("changes")).isEmpty();
  }

  @Test
  void aRetriedCreditDecisionIsDecidedAndLoggedOnce() {
    String c = UUID.randomUUID().toString();
    publish(
        new CustomerRegistered(
            tenant, c, "C-" + c, "Retry SAS", "FR", "EUR", "fr", null, null, "retail", terms()));
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> manager().get("/api/v1/scores/" + c).statusCode() == 200);
    String key = UUID.randomUUID().toString();
    Map<String, Object> order =
        Map.of("customerId", c, "amount", new BigDecimal("100.00"), "reference", "SO-9");
    String first =
        erp()
            .header("Idempotency-Key", key)
            .body(order)
            .post("/api/v1/credit-decisions")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    erp()
        .header("Idempotency-Key", key)
        .body(order)
        .post("/api/v1/credit-decisions")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    erp()
        .header("Idempotency-Key", key)
        .body(Map.of("customerId", c, "amount", new BigDecimal("200.00")))
        .post("/api/v1/credit-decisions")
        .then()
        .statusCode(422);
    erp()
        .queryParam("customerId", c)
        .get("/api/v1/credit-decisions")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].id", equalTo(first));
  }

  private RequestSpecification erp() {
    return given()
        .header("Authorization", TestTokens.bearer(tenant, "erp"))
        .contentType(ContentType.JSON);
  }
}
