package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The documented Idempotency-Key answers on every creating POST of invoicing, not only on customers
 * and invoices: a replay returns the first answer (marked {@code Idempotent-Replayed}), the same
 * key with another body is a 422 that names the header.
 */
@QuarkusTest
class IdempotencyOnEveryPostTest {

  private final TestLedger api = new TestLedger();

  private void honoursTheKey(String path, Object body, Object otherBody, int status) {
    String key = UUID.randomUUID().toString();
    Response first = api.erp().header("Idempotency-Key", key).body(body).post(path);
    first.then().statusCode(status);
    Response replay = api.erp().header("Idempotency-Key", key).body(body).post(path);
    replay.then().statusCode(status).header("Idempotent-Replayed", "true");
    assertThat(replay.asString()).as(path).isEqualTo(first.asString());
    api.erp()
        .header("Idempotency-Key", key)
        .body(otherBody)
        .post(path)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  private static Map<String, Object> payment(String amount) {
    return Map.of("amount", new BigDecimal(amount), "receivedOn", "2026-02-01");
  }

  @Test
  void paymentsAllocationsAndReversals() {
    String customer = api.customer();
    honoursTheKey(
        "/api/v1/invoices/" + api.invoice(customer, "2026-01-15", "1000") + "/payments",
        payment("100"),
        payment("50"),
        201);

    String invoice = api.invoice(customer, "2026-01-15", "1000");
    honoursTheKey(
        "/api/v1/payments",
        Map.of(
            "customerId",
            customer,
            "amount",
            100,
            "receivedOn",
            "2026-02-01",
            "allocations",
            List.of(Map.of("invoiceId", invoice, "amount", 100))),
        Map.of(
            "customerId",
            customer,
            "amount",
            60,
            "receivedOn",
            "2026-02-01",
            "allocations",
            List.of(Map.of("invoiceId", invoice, "amount", 60))),
        201);

    String paid = api.invoice(customer, "2026-01-15", "1000");
    String paymentId =
        api.pay(paid, "100", "2026-02-01").then().statusCode(201).extract().path("id");
    honoursTheKey(
        "/api/v1/payments/" + paymentId + "/reversal",
        Map.of("reason", "bounced"),
        Map.of("reason", "bank error"),
        200);
  }

  @Test
  void cancellationWriteOffAndCreditNotes() {
    String customer = api.customer();
    honoursTheKey(
        "/api/v1/invoices/" + api.invoice(customer, "2026-01-15", "1000") + "/cancellation",
        Map.of("reason", "duplicate"),
        Map.of("reason", "wrong customer"),
        200);
    honoursTheKey(
        "/api/v1/invoices/" + api.invoice(customer, "2026-01-15", "1000") + "/write-off",
        Map.of("reason", "insolvent"),
        Map.of("reason", "too small to chase"),
        200);
    String creditNote = "AV-" + UUID.randomUUID();
    honoursTheKey(
        "/api/v1/invoices/" + api.invoice(customer, "2026-01-15", "1000") + "/credit-notes",
        Map.of("number", creditNote, "amount", 10, "reason", "damaged"),
        Map.of("number", creditNote, "amount", 20, "reason", "damaged"),
        201);
  }

  @Test
  void disputesResolutionsAndBatches() {
    String customer = api.customer();
    String invoice = api.invoice(customer, "2026-01-15", "1000");
    honoursTheKey(
        "/api/v1/invoices/" + invoice + "/disputes",
        Map.of("reason", "goods damaged"),
        Map.of("reason", "never delivered"),
        201);
    String disputed = api.invoice(customer, "2026-01-15", "1000");
    String disputeId =
        api.erp()
            .body(Map.of("reason", "price"))
            .post("/api/v1/invoices/" + disputed + "/disputes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    honoursTheKey(
        "/api/v1/invoices/" + disputed + "/disputes/" + disputeId + "/resolution",
        Map.of("outcome", "REJECTED"),
        Map.of("outcome", "REJECTED", "note", "price as agreed"),
        200);
    honoursTheKey(
        "/api/v1/invoices/batch",
        Map.of("invoices", List.of(TestLedger.invoiceBody(customer, "2026-01-15", "100"))),
        Map.of("invoices", List.of(TestLedger.invoiceBody(customer, "2026-01-15", "200"))),
        201);
  }
}
