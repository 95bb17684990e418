package org.receivables.dunning.commitment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.dunning.GreenMail;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PromiseBroken;
import org.receivables.events.Topics;
import org.receivables.kit.testing.PublishedEvents;

/**
 * Promises to pay and payment plans: they pause dunning, payments keep them, deadlines break them.
 */
@QuarkusTest
class CommitmentFlowTest extends DunningFlowSupport {

  @Test
  void aPromisePausesDunningAndWhenBrokenDunningResumesAndItIsPublished() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "800.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String promiseId =
        post(
                "/api/v1/dunning/promises",
                null,
                promiseBody(c, a.invoiceId(), 800.00, AS_OF.plusDays(5), AS_OF.minusDays(1)))
            .then()
            .statusCode(201)
            .body("status", equalTo("ACTIVE"))
            .extract()
            .path("id");
    JsonPath paused = run(AS_OF);
    assertThat(paused.getInt("remindersSent")).isZero();
    assertThat(skipReasons(paused, a.invoiceId())).containsExactly("PROMISE_ACTIVE");
    // promised for +5, grace 3 days: broken on +9
    JsonPath resumed = run(AS_OF.plusDays(9));
    assertThat(resumed.getInt("remindersSent")).isEqualTo(1);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/promises/" + promiseId)
        .then()
        .statusCode(200)
        .body("status", equalTo("BROKEN"))
        .body("closedOn", equalTo(AS_OF.plusDays(9).toString()));
    PublishedEvents.await(
        Topics.DUNNING,
        rec ->
            rec.value().contains(promiseId)
                && PromiseBroken.TYPE.equals(rec.headers().get("ce_type")),
        WAIT);
  }

  @Test
  void aRetriedPromiseWithTheSameIdempotencyKeyIsRecordedOnce() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(c, "120.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = promiseBody(c, a.invoiceId(), 120.00, AS_OF.plusDays(5), AS_OF);
    String first =
        post("/api/v1/dunning/promises", key, body).then().statusCode(201).extract().path("id");
    // without the key the second promise on the same invoice would be a 409
    post("/api/v1/dunning/promises", key, body).then().statusCode(201).body("id", equalTo(first));
    post(
            "/api/v1/dunning/promises",
            key,
            promiseBody(c, a.invoiceId(), 1.00, AS_OF.plusDays(5), AS_OF))
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void aPaymentKeepsThePromise() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(c, "300.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String promiseId =
        post(
                "/api/v1/dunning/promises",
                null,
                promiseBody(c, a.invoiceId(), 300.00, AS_OF.plusDays(5), AS_OF))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    publish(
        new PaymentReceived(
            tenant,
            c,
            a.invoiceId(),
            UUID.randomUUID().toString(),
            "EUR",
            new BigDecimal("300.00"),
            BigDecimal.ZERO,
            AS_OF.plusDays(3),
            "VIR",
            new BigDecimal("300.00"),
            BigDecimal.ZERO.setScale(2),
            "PAID"));
    await(
        () ->
            "KEPT"
                .equals(
                    given()
                        .header("Authorization", admin())
                        .get("/api/v1/dunning/promises/" + promiseId)
                        .then()
                        .extract()
                        .path("status")),
        "promise kept");
  }

  @Test
  void aPaymentPlanPausesDunningUntilAnInstalmentIsMissed() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "1000.00", AS_OF.minusDays(2));
    awaitReplica(a);
    post("/api/v1/dunning/payment-plans", null, planBody(c, a.invoiceId(), 600.00, 300.00))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("instalments"));
    String planId =
        post("/api/v1/dunning/payment-plans", null, planBody(c, a.invoiceId(), 600.00, 400.00))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    JsonPath paused = run(AS_OF.plusDays(12));
    assertThat(skipReasons(paused, a.invoiceId())).containsExactly("PLAN_ACTIVE");
    assertThat(paused.getInt("remindersSent")).isZero();
    // nothing paid by +10 and 5 days' grace: broken on +16
    JsonPath resumed = run(AS_OF.plusDays(16));
    assertThat(resumed.getInt("remindersSent")).isEqualTo(1);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/payment-plans/" + planId)
        .then()
        .body("status", equalTo("BROKEN"));
    assertThat(GreenMail.inbox(email)).hasSize(1);
  }
}
