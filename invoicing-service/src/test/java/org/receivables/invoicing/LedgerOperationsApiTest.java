package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceWrittenOff;

/** Cancel, write-off, credit notes, disputes, due dates, lists and the audit trail. */
@QuarkusTest
class LedgerOperationsApiTest {

  private final TestLedger api = new TestLedger();

  private static BigDecimal amount(JsonPath json, String path) {
    return json.getObject(path, BigDecimal.class);
  }

  @Test
  void cancelOnlyWithoutPayments() {
    String customerId = api.customer();
    String invoiceId = api.invoice(customerId, "2026-01-15", "100");
    api.erp()
        .body(Map.of("reason", "Issued twice", "on", "2026-01-16"))
        .post("/api/v1/invoices/" + invoiceId + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("outstanding", equalTo(0.00f))
        .body("closeReason", equalTo("Issued twice"));
    JsonPath event = TestLedger.event(InvoiceCancelled.TYPE, invoiceId);
    assertThat(event.getString("cancelledOn")).isEqualTo("2026-01-16");
    assertThat(event.getString("reason")).isEqualTo("Issued twice");
    assertThat(amount(event, "outstanding")).isEqualByComparingTo("0");
    api.erp()
        .body(Map.of("reason", "again"))
        .post("/api/v1/invoices/" + invoiceId + "/cancellation")
        .then()
        .statusCode(409);

    String paid = api.invoice(customerId, "2026-01-15", "100");
    api.pay(paid, "10", "2026-02-01").then().statusCode(201);
    api.erp()
        .body(Map.of("reason", "Too late"))
        .post("/api/v1/invoices/" + paid + "/cancellation")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("credit note"));
    api.erp()
        .body(Map.of())
        .post("/api/v1/invoices/" + paid + "/cancellation")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
  }

  @Test
  void writeOffTheRemainder() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    api.pay(invoiceId, "200", "2026-02-01").then().statusCode(201);
    api.as("collector")
        .body(Map.of("reason", "Liquidation"))
        .post("/api/v1/invoices/" + invoiceId + "/write-off")
        .then()
        .statusCode(403);
    api.as("credit-manager")
        .body(Map.of("reason", "Liquidation closed", "on", "2026-06-30"))
        .post("/api/v1/invoices/" + invoiceId + "/write-off")
        .then()
        .statusCode(200)
        .body("status", equalTo("WRITTEN_OFF"))
        .body("amountWrittenOff", equalTo(1000.00f))
        .body("outstanding", equalTo(0.00f));
    JsonPath event = TestLedger.event(InvoiceWrittenOff.TYPE, invoiceId);
    assertThat(amount(event, "amount")).isEqualByComparingTo("1000");
    assertThat(event.getString("writtenOffOn")).isEqualTo("2026-06-30");
    assertThat(event.getString("reason")).isEqualTo("Liquidation closed");
  }

  @Test
  void creditNotesLowerWhatIsOwedButNeverBelowZero() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "1000");
    String number = "AV-" + UUID.randomUUID();
    api.erp()
        .body(
            Map.of(
                "number",
                number,
                "amount",
                200,
                "reason",
                "Damaged goods",
                "issuedOn",
                "2026-01-20"))
        .post("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(201)
        .header("Location", containsString("/credit-notes/"))
        .body("outstanding", equalTo(1000.00f))
        .body("invoiceStatus", equalTo("OPEN"));
    JsonPath event = TestLedger.event(CreditNoteIssued.TYPE, invoiceId);
    assertThat(event.getString("number")).isEqualTo(number);
    assertThat(amount(event, "amount")).isEqualByComparingTo("200");
    assertThat(amount(event, "outstanding")).isEqualByComparingTo("1000");

    api.erp()
        .body(Map.of("number", number, "amount", 10, "reason", "dup"))
        .post("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(409);
    api.erp()
        .body(Map.of("number", "AV-" + UUID.randomUUID(), "amount", 1000.01, "reason", "too much"))
        .post("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("amount"));
    api.erp()
        .body(Map.of("number", "AV-" + UUID.randomUUID(), "amount", 1000, "reason", "all of it"))
        .post("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(201)
        .body("invoiceStatus", equalTo("PAID"));
    JsonPath invoice = api.invoiceJson(invoiceId);
    assertThat(amount(invoice, "amountCredited")).isEqualByComparingTo("1200");
    assertThat(amount(invoice, "outstanding")).isEqualByComparingTo("0");
    api.as("viewer")
        .get("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(200)
        .body("$", hasSize(2));
  }

  @Test
  void disputesOpenAndResolve() {
    String customerId = api.customer();
    String invoiceId = api.invoice(customerId, "2026-01-15", "1000");
    String disputeId =
        api.as("collector")
            .body(Map.of("reason", "Two boxes damaged", "amount", 120))
            .post("/api/v1/invoices/" + invoiceId + "/disputes")
            .then()
            .statusCode(201)
            .header("Location", containsString("/disputes/"))
            .body("status", equalTo("OPEN"))
            .extract()
            .path("id");
    assertThat(api.invoiceJson(invoiceId).getBoolean("disputed")).isTrue();
    JsonPath opened = TestLedger.event(DisputeOpened.TYPE, invoiceId);
    assertThat(opened.getString("disputeId")).isEqualTo(disputeId);
    assertThat(amount(opened, "amount")).isEqualByComparingTo("120");
    api.as("collector")
        .body(Map.of("reason", "again"))
        .post("/api/v1/invoices/" + invoiceId + "/disputes")
        .then()
        .statusCode(409);
    api.erp()
        .body(Map.of("reason", "x"))
        .post("/api/v1/invoices/" + invoiceId + "/cancellation")
        .then()
        .statusCode(409);
    api.as("viewer")
        .queryParam("disputed", true)
        .get("/api/v1/invoices")
        .then()
        .body("items.id", equalTo(List.of(invoiceId)));

    // accepted: a credit note for the disputed amount
    api.erp()
        .body(Map.of("outcome", "ACCEPTED"))
        .post("/api/v1/invoices/" + invoiceId + "/disputes/" + disputeId + "/resolution")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("resolution"));
    String number = "AV-" + UUID.randomUUID();
    api.erp()
        .body(
            Map.of("outcome", "ACCEPTED", "resolution", "CREDIT_NOTE", "creditNoteNumber", number))
        .post("/api/v1/invoices/" + invoiceId + "/disputes/" + disputeId + "/resolution")
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"))
        .body("outcome", equalTo("ACCEPTED"))
        .body("creditNoteId", org.hamcrest.Matchers.notNullValue());
    JsonPath invoice = api.invoiceJson(invoiceId);
    assertThat(invoice.getBoolean("disputed")).isFalse();
    assertThat(amount(invoice, "outstanding")).isEqualByComparingTo("1080");
    assertThat(TestLedger.event(DisputeResolved.TYPE, invoiceId).getString("outcome"))
        .isEqualTo("ACCEPTED");
    assertThat(TestLedger.event(CreditNoteIssued.TYPE, invoiceId).getString("number"))
        .isEqualTo(number);
    api.erp()
        .body(Map.of("outcome", "REJECTED"))
        .post("/api/v1/invoices/" + invoiceId + "/disputes/" + disputeId + "/resolution")
        .then()
        .statusCode(409);

    // rejected: back to normal
    String second =
        api.erp()
            .body(Map.of("reason", "Price disagreement"))
            .post("/api/v1/invoices/" + invoiceId + "/disputes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    api.erp()
        .body(Map.of("outcome", "REJECTED", "note", "Price as per contract"))
        .post("/api/v1/invoices/" + invoiceId + "/disputes/" + second + "/resolution")
        .then()
        .statusCode(200);
    assertThat(api.invoiceJson(invoiceId).getBoolean("disputed")).isFalse();
    assertThat(api.invoiceJson(invoiceId).getString("status")).isEqualTo("OPEN");

    // accepted by cancellation
    String other = api.invoice(customerId, "2026-01-15", "50");
    String third =
        api.erp()
            .body(Map.of("reason", "Never ordered"))
            .post("/api/v1/invoices/" + other + "/disputes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    api.erp()
        .body(Map.of("outcome", "ACCEPTED", "resolution", "CANCELLATION"))
        .post("/api/v1/invoices/" + other + "/disputes/" + third + "/resolution")
        .then()
        .statusCode(200);
    assertThat(api.invoiceJson(other).getString("status")).isEqualTo("CANCELLED");
    assertThat(TestLedger.event(InvoiceCancelled.TYPE, other).getString("reason"))
        .contains("Never ordered");
    api.as("viewer")
        .get("/api/v1/invoices/" + invoiceId + "/disputes")
        .then()
        .statusCode(200)
        .body("$", hasSize(2));
    String creditNoteId =
        api.as("viewer")
            .get("/api/v1/invoices/" + invoiceId + "/disputes/" + disputeId)
            .then()
            .statusCode(200)
            .body("resolution", equalTo("CREDIT_NOTE"))
            .extract()
            .path("creditNoteId");
    api.as("viewer")
        .get("/api/v1/invoices/" + invoiceId + "/credit-notes/" + creditNoteId)
        .then()
        .statusCode(200)
        .body("number", equalTo(number))
        .body("amount", equalTo(120.00f))
        .body("disputeId", equalTo(disputeId));
    api.as("viewer")
        .get("/api/v1/invoices/" + other + "/disputes/" + disputeId)
        .then()
        .statusCode(404);
    new TestLedger()
        .as("admin")
        .get("/api/v1/invoices/" + invoiceId + "/disputes/" + disputeId)
        .then()
        .statusCode(404);
    api.as("viewer")
        .body(Map.of("reason", "x"))
        .post("/api/v1/invoices/" + invoiceId + "/disputes")
        .then()
        .statusCode(403);
  }

  @Test
  void dueDateChangesArePublished() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "100");
    api.as("collector")
        .body(Map.of("dueDate", "2026-01-01"))
        .put("/api/v1/invoices/" + invoiceId + "/due-date")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("dueDate"));
    api.as("collector")
        .body(Map.of("dueDate", "2026-04-30", "reason", "Extension agreed"))
        .put("/api/v1/invoices/" + invoiceId + "/due-date")
        .then()
        .statusCode(200)
        .body("dueDate", equalTo("2026-04-30"));
    JsonPath event = TestLedger.event(InvoiceDueDateChanged.TYPE, invoiceId);
    assertThat(event.getString("previousDueDate")).isEqualTo("2026-02-14");
    assertThat(event.getString("dueDate")).isEqualTo("2026-04-30");
  }

  @Test
  void listFiltersAndPages() {
    String customerId = api.customer();
    String early = api.invoice(customerId, "2026-01-15", "100"); // due 2026-02-14
    String later = api.invoice(customerId, "2026-03-01", "100"); // due 2026-03-31
    String paid = api.invoice(customerId, "2026-01-15", "10");
    api.pay(paid, "12", "2026-02-01").then().statusCode(201);

    api.as("viewer")
        .queryParam("overdueAsOf", "2026-03-01")
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(early)));
    api.as("viewer")
        .queryParam("dueFrom", "2026-03-01")
        .queryParam("dueTo", "2026-03-31")
        .get("/api/v1/invoices")
        .then()
        .body("items.id", equalTo(List.of(later)));
    api.as("viewer")
        .queryParam("status", "PAID")
        .get("/api/v1/invoices")
        .then()
        .body("items.id", equalTo(List.of(paid)));
    api.as("viewer")
        .queryParam("status", "open")
        .queryParam("customerId", customerId)
        .get("/api/v1/invoices")
        .then()
        .body("items", hasSize(2))
        .body("items.id", not(hasItem(paid)));
    String cursor =
        api.as("viewer")
            .queryParam("limit", 2)
            .get("/api/v1/invoices")
            .then()
            .body("items", hasSize(2))
            .extract()
            .path("nextCursor");
    api.as("viewer")
        .queryParam("limit", 2)
        .queryParam("cursor", cursor)
        .get("/api/v1/invoices")
        .then()
        .body("items", hasSize(1))
        .body("nextCursor", equalTo(null));
    for (var bad :
        List.of(
            Map.of("status", "LOST"),
            Map.of("overdueAsOf", "yesterday"),
            Map.of("customerId", "42"),
            Map.of("disputed", "maybe"),
            Map.of("cursor", "%%%"))) {
      api.as("viewer")
          .queryParams(bad)
          .get("/api/v1/invoices")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(bad.keySet().iterator().next()));
    }
  }

  @Test
  void theAuditTrailSaysWhoDidWhat() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "100");
    api.pay(invoiceId, "20", "2026-02-01").then().statusCode(201);
    api.as("collector")
        .body(Map.of("dueDate", "2026-03-31"))
        .put("/api/v1/invoices/" + invoiceId + "/due-date")
        .then()
        .statusCode(200);
    api.as("viewer")
        .get("/api/v1/invoices/" + invoiceId + "/audit")
        .then()
        .statusCode(200)
        .body("items.action", equalTo(List.of("ISSUED", "PAYMENT_RECEIVED", "DUE_DATE_CHANGED")))
        .body("items[0].principal", equalTo("test-" + api.tenant))
        .body("items[1].detail", containsString("20.00 EUR"));
    new TestLedger()
        .as("admin")
        .get("/api/v1/invoices/" + invoiceId + "/audit")
        .then()
        .statusCode(404);
  }

  @Test
  void anotherTenantCannotTouchTheInvoice() {
    String customerId = api.customer();
    String invoiceId = api.invoice(customerId, "2026-01-15", "100");
    TestLedger other = new TestLedger();
    Map<String, Object> reason = new HashMap<>(Map.of("reason", "x"));
    other
        .erp()
        .body(reason)
        .post("/api/v1/invoices/" + invoiceId + "/cancellation")
        .then()
        .statusCode(404);
    other
        .erp()
        .body(reason)
        .post("/api/v1/invoices/" + invoiceId + "/write-off")
        .then()
        .statusCode(404);
    other
        .erp()
        .body(reason)
        .post("/api/v1/invoices/" + invoiceId + "/disputes")
        .then()
        .statusCode(404);
    other
        .erp()
        .body(Map.of("number", "AV-1", "amount", 1, "reason", "x"))
        .post("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(404);
    other
        .erp()
        .body(Map.of("dueDate", "2026-05-01"))
        .put("/api/v1/invoices/" + invoiceId + "/due-date")
        .then()
        .statusCode(404);
    other.as("admin").get("/api/v1/invoices/" + invoiceId + "/credit-notes").then().statusCode(404);
    other.as("admin").get("/api/v1/invoices").then().statusCode(200).body("items", hasSize(0));
    other
        .as("admin")
        .queryParam("overdueAsOf", "2030-01-01")
        .get("/api/v1/invoices")
        .then()
        .body("items", hasSize(0));
    assertThat(api.invoiceJson(invoiceId).getString("status")).isEqualTo("OPEN");
  }

  @Test
  void nastyInputIsA4xxNeverA5xx() {
    String customerId = api.customer();
    String invoiceId = api.invoice(customerId, "2026-01-15", "100");
    Map<String, Object> nullLine = TestLedger.invoiceBody(customerId, "2026-01-15", "1");
    nullLine.put("lines", java.util.Arrays.asList((Object) null));
    api.erp().body(nullLine).post("/api/v1/invoices").then().statusCode(400);
    Map<String, Object> huge = TestLedger.invoiceBody(customerId, "2026-01-15", "1");
    huge.put(
        "lines",
        List.of(
            Map.of(
                "description",
                "x",
                "quantity",
                new BigDecimal("999999999999"),
                "unitPrice",
                new BigDecimal("9999999999999"),
                "vatRate",
                20)));
    api.erp()
        .body(huge)
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lines[0]"));
    api.erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "amount",
                10,
                "receivedOn",
                "2026-02-01",
                "allocations",
                java.util.Arrays.asList((Object) null)))
        .post("/api/v1/payments")
        .then()
        .statusCode(400);
    api.as("viewer").queryParam("limit", "abc").get("/api/v1/invoices").then().statusCode(400);
    api.as("viewer").queryParam("limit", "abc").get("/api/v1/customers").then().statusCode(400);
    api.erp()
        .body(Map.of("outcome", "MAYBE"))
        .post("/api/v1/invoices/" + invoiceId + "/disputes/" + UUID.randomUUID() + "/resolution")
        .then()
        .statusCode(400);
    api.erp()
        .body(Map.of("outcome", "REJECTED"))
        .post("/api/v1/invoices/" + invoiceId + "/disputes/" + UUID.randomUUID() + "/resolution")
        .then()
        .statusCode(404);
    api.erp()
        .body(Map.of("reason", "x", "amount", 0.001))
        .post("/api/v1/invoices/" + invoiceId + "/disputes")
        .then()
        .statusCode(400);
    api.erp()
        .body(Map.of("mode", "SOMETIMES", "invoices", List.of()))
        .post("/api/v1/invoices/batch")
        .then()
        .statusCode(400);
  }
}
