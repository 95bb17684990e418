package org.receivables.dunning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;

/**
 * Every creating POST of dunning takes an {@code Idempotency-Key}: a replay gets the first answer
 * (marked {@code Idempotent-Replayed}) and stores nothing a second time; the key with another body
 * is a 422. Runs and promises are covered in their flow tests; here plans, policies and notes.
 */
@QuarkusTest
class IdempotentPostsTest extends DunningFlowSupport {

  @Test
  void aReplayedPaymentPlanIsTheFirstPlanStoredOnce() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(c, "900.00", AS_OF.plusDays(5));
    awaitReplica(a);
    Map<String, Object> body = planBody(c, a.invoiceId(), 500.00, 400.00);
    String key = UUID.randomUUID().toString();

    String first =
        post("/api/v1/dunning/payment-plans", key, body)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    post("/api/v1/dunning/payment-plans", key, body)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    Map<String, Object> other = new java.util.HashMap<>(body);
    other.put("agreedOn", AS_OF.minusDays(1).toString());
    post("/api/v1/dunning/payment-plans", key, other)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");

    List<String> plans =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/commitments?customerId=" + c)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", String.class);
    assertThat(plans).containsExactly(first);
  }

  @Test
  void aReplayedPolicyIsTheFirstPolicyStoredOnce() {
    String name = "Replayed " + UUID.randomUUID();
    Map<String, Object> body = policyBody(name, "REPLAY", 15);
    String key = UUID.randomUUID().toString();

    String first =
        post("/api/v1/dunning/policies", key, body).then().statusCode(201).extract().path("id");
    post("/api/v1/dunning/policies", key, body)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    Map<String, Object> other = new java.util.HashMap<>(body);
    other.put("segments", List.of("OTHER"));
    post("/api/v1/dunning/policies", key, other)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");

    List<String> names =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/policies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.name", String.class);
    assertThat(names).containsOnlyOnce(name);
  }

  @Test
  void aReplayedNoteIsWrittenOnce() {
    String c = customer(mail(), null, "fr");
    awaitCustomer(c);
    String text = "Called the accountant " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String path = "/api/v1/dunning/customers/" + c + "/notes";

    post(path, key, Map.of("text", text)).then().statusCode(201);
    post(path, key, Map.of("text", text))
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
    post(path, key, Map.of("text", "something else"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json");

    List<String> notes =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/customers/" + c + "/timeline")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.findAll { it.kind == 'NOTE' }.summary", String.class);
    assertThat(notes).containsExactly(text);
  }
}
