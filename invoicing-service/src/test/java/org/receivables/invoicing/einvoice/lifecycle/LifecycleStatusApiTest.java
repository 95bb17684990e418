package org.receivables.invoicing.einvoice.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceLifecycleStatusRecorded;
import org.receivables.invoicing.TestLedger;

/** POST/GET /api/v1/invoices/{id}/lifecycle-statuses on real PostgreSQL and Kafka. */
@QuarkusTest
class LifecycleStatusApiTest {

  private final TestLedger api = new TestLedger();

  private io.restassured.response.Response post(String invoiceId, Map<String, Object> body) {
    return api.erp()
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body)
        .post("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses");
  }

  @Test
  void aPlatformStatusIsRecordedPublishedAndInTheHistory() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    post(invoiceId, Map.of("status", "200", "occurredOn", "2026-01-15"))
        .then()
        .statusCode(201)
        .header("Location", containsString("/lifecycle-statuses/"))
        .body("status", equalTo("DEPOSITED"))
        .body("code", equalTo("200"))
        .body("label", equalTo("Déposée"))
        .body("source", equalTo("PLATFORM"))
        .body("effect", equalTo("NONE"));
    JsonPath event =
        TestLedger.event(
            InvoiceLifecycleStatusRecorded.TYPE,
            invoiceId,
            e -> "DEPOSITED".equals(e.getString("status")));
    assertThat(event.getString("code")).isEqualTo("200");
    assertThat(event.getString("occurredOn")).isEqualTo("2026-01-15");
    api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses").getList("status");
    assertThat(api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses").getList("code"))
        .containsExactly("200");
    assertThat(api.read("/api/v1/invoices/" + invoiceId + "/audit").getList("items.action"))
        .contains("LIFECYCLE_STATUS");
  }

  @Test
  void inDisputeOpensADisputeAndRefusedDisputesByDefault() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    String disputeId =
        post(invoiceId, Map.of("status", "IN_DISPUTE", "reason", "Quantities wrong"))
            .then()
            .statusCode(201)
            .body("effect", equalTo("DISPUTE_OPENED"))
            .extract()
            .path("disputeId");
    assertThat(api.invoiceJson(invoiceId).getBoolean("disputed")).isTrue();
    api.read("/api/v1/invoices/" + invoiceId + "/disputes/" + disputeId);
    post(invoiceId, Map.of("status", "REFUSED", "reason", "Quantities still wrong"))
        .then()
        .statusCode(201)
        .body("effect", equalTo("ALREADY_DISPUTED"));
    // REFUSED ends the lifecycle
    post(invoiceId, Map.of("status", "APPROVED"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void refusedCancelsTheInvoiceWhereTheTenantSaysSo() {
    String tenant = "einv-refusal-cancels";
    String customerId =
        TestLedger.asTenant(tenant, "erp")
            .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String invoiceId =
        TestLedger.asTenant(tenant, "erp")
            .body(TestLedger.invoiceBody(customerId, "2026-01-15", "500"))
            .post("/api/v1/invoices")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    TestLedger.asTenant(tenant, "erp")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Map.of("status", "210", "reason", "Not ordered"))
        .post("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses")
        .then()
        .statusCode(201)
        .body("effect", equalTo("INVOICE_CANCELLED"));
    TestLedger.asTenant(tenant, "viewer")
        .get("/api/v1/invoices/" + invoiceId)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
  }

  @Test
  void fullPaymentEmitsPaidFromTheLedger() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    api.pay(invoiceId, "200.00", "2026-01-20").then().statusCode(201);
    assertThat(api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses").getList("$"))
        .isEmpty();
    api.pay(invoiceId, "1000.00", "2026-01-25").then().statusCode(201);
    JsonPath statuses = api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses");
    assertThat(statuses.getList("status")).containsExactly("PAID");
    assertThat(statuses.getString("[0].code")).isEqualTo("212");
    assertThat(statuses.getString("[0].source")).isEqualTo("LEDGER");
    assertThat(statuses.getString("[0].occurredOn")).isEqualTo("2026-01-25");
    JsonPath event =
        TestLedger.event(
            InvoiceLifecycleStatusRecorded.TYPE,
            invoiceId,
            e -> "PAID".equals(e.getString("status")));
    assertThat(event.getString("source")).isEqualTo("LEDGER");
    assertThat(event.getString("code")).isEqualTo("212");
  }

  private void creditNote(String invoiceId, String amount) {
    api.erp()
        .body(
            Map.of(
                "number",
                "AV-" + UUID.randomUUID(),
                "amount",
                new java.math.BigDecimal(amount),
                "issuedOn",
                "2026-01-28",
                "reason",
                "Damaged goods"))
        .post("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(201);
  }

  @Test
  void aCreditNoteThatSettlesAPartlyPaidInvoiceEmitsPaid() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    api.pay(invoiceId, "200.00", "2026-01-20").then().statusCode(201);
    creditNote(invoiceId, "1000.00");
    JsonPath statuses = api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses");
    assertThat(statuses.getList("status")).containsExactly("PAID");
    assertThat(statuses.getString("[0].source")).isEqualTo("LEDGER");
    assertThat(statuses.getString("[0].occurredOn")).isEqualTo("2026-01-28");
  }

  @Test
  void anInvoiceSettledByACreditNoteAloneCollectedNothingAndGetsNoPaid() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    creditNote(invoiceId, "1200.00");
    assertThat(api.invoiceJson(invoiceId).getString("status")).isEqualTo("PAID");
    assertThat(api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses").getList("$"))
        .isEmpty();
  }

  @Test
  void aPaymentReversedAfterPaidReopensTheLifecycleAndTheNextSettlementEmitsPaidAgain() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    String paymentId =
        api.pay(invoiceId, "1200.00", "2026-01-20").then().statusCode(201).extract().path("id");
    post(invoiceId, Map.of("status", "APPROVED")).then().statusCode(409);
    api.erp()
        .body(Map.of("reason", "Transfer returned", "reversedOn", "2026-01-22"))
        .post("/api/v1/payments/" + paymentId + "/reversal")
        .then()
        .statusCode(200);
    // the invoice owes again: the platform's statuses are taken again
    post(invoiceId, Map.of("status", "PAYMENT_SENT")).then().statusCode(201);
    api.pay(invoiceId, "1200.00", "2026-01-25").then().statusCode(201);
    JsonPath statuses = api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses");
    assertThat(statuses.getList("status")).containsExactly("PAID", "PAYMENT_SENT", "PAID");
    assertThat(statuses.getString("[0].occurredOn")).isEqualTo("2026-01-20");
    assertThat(statuses.getString("[2].occurredOn")).isEqualTo("2026-01-25");
  }

  @Test
  void badStatusesAreRefusedWithWhatIsWrong() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    post(invoiceId, Map.of("status", "LOST"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("status"));
    post(invoiceId, Map.of("status", "REFUSED"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    post(invoiceId, Map.of("status", "PAID"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    post(invoiceId, Map.of("status", "APPROVED", "occurredOn", "2026-01-01"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("occurredOn"));
    post(UUID.randomUUID().toString(), Map.of("status", "APPROVED")).then().statusCode(404);
    api.as("viewer")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Map.of("status", "APPROVED"))
        .post("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses")
        .then()
        .statusCode(403);
    assertThat(api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses").getList("$"))
        .isEqualTo(List.of());
  }
}
