package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.kit.testing.OpenApiContract;

/** Bulk import, all-or-nothing and per item. */
@QuarkusTest
class BatchImportApiTest {

  private final TestLedger api = new TestLedger();

  private static Map<String, Object> bad(String customerId) {
    Map<String, Object> body = TestLedger.invoiceBody(customerId, "2026-01-15", "10");
    body.put(
        "lines",
        List.of(Map.of("description", "x", "quantity", -1, "unitPrice", 1, "vatRate", 20)));
    return body;
  }

  @Test
  void allOrNothingRejectsTheWholeBatch() {
    String customerId = api.customer();
    List<Object> invoices =
        List.of(
            TestLedger.invoiceBody(customerId, "2026-01-15", "100"),
            bad(customerId),
            TestLedger.invoiceBody(UUID.randomUUID().toString(), "2026-01-15", "100"));
    api.erp()
        .body(Map.of("mode", "ALL_OR_NOTHING", "invoices", invoices))
        .post("/api/v1/invoices/batch")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            equalTo(List.of("invoices[1].lines[0].quantity", "invoices[2].customerId")));
    api.as("viewer")
        .queryParam("customerId", customerId)
        .get("/api/v1/invoices")
        .then()
        .body("items", hasSize(0));
  }

  @Test
  void allValidAreIssuedTogether() {
    String customerId = api.customer();
    List<Object> invoices = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      invoices.add(TestLedger.invoiceBody(customerId, "2026-01-15", "100", "50"));
    }
    var result =
        api.erp()
            .body(Map.of("invoices", invoices))
            .post("/api/v1/invoices/batch")
            .then()
            .statusCode(201)
            .body("created", equalTo(250))
            .body("rejected", equalTo(0))
            .extract();
    String firstId = result.path("items[0].invoiceId");
    api.as("viewer")
        .get("/api/v1/invoices/" + firstId)
        .then()
        .statusCode(200)
        .body("totalInclTax", equalTo(180.00f))
        .body("dueDate", equalTo("2026-02-14"));
    // every invoice of the batch has its event and its audit entry, the last as the first
    String lastId = result.path("items[249].invoiceId");
    for (String id : List.of(firstId, lastId)) {
      assertThat(TestLedger.event(InvoiceIssued.TYPE, id).getString("customerId"))
          .isEqualTo(customerId);
      api.as("viewer")
          .get("/api/v1/invoices/" + id + "/audit")
          .then()
          .body("items[0].action", equalTo("ISSUED"));
    }
    api.as("viewer")
        .queryParam("customerId", customerId)
        .queryParam("limit", 100)
        .get("/api/v1/invoices")
        .then()
        .body("items", hasSize(100))
        .body("items.lines.flatten()", hasSize(200));
  }

  @Test
  void perItemIssuesTheValidOnesAndExplainsTheOthers() {
    String customerId = api.customer();
    Map<String, Object> good = TestLedger.invoiceBody(customerId, "2026-01-15", "100");
    Map<String, Object> sameNumber =
        new HashMap<>(TestLedger.invoiceBody(customerId, "2026-01-15", "5"));
    sameNumber.put("number", good.get("number"));
    Map<String, Object> dueBeforeIssue = TestLedger.invoiceBody(customerId, "2026-01-15", "5");
    dueBeforeIssue.put("dueDate", "2026-01-01");
    List<Object> invoices =
        new ArrayList<>(List.of(good, bad(customerId), sameNumber, dueBeforeIssue));
    invoices.add(null);
    // Items outside the schema are rejected one by one in the 200, not by a 400 of the batch.
    OpenApiContract.inBandRejections(
        () ->
            api.erp()
                .body(Map.of("mode", "PER_ITEM", "invoices", invoices))
                .post("/api/v1/invoices/batch")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("rejected", equalTo(4))
                .body(
                    "items.outcome",
                    equalTo(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED")))
                .body("items[1].errors[0].field", equalTo("lines[0].quantity"))
                .body("items[2].errors[0].field", equalTo("number"))
                .body("items[3].errors[0].field", equalTo("dueDate")));
    // an invoice already issued is a 409 for its item
    api.erp()
        .body(Map.of("mode", "PER_ITEM", "invoices", List.of(good)))
        .post("/api/v1/invoices/batch")
        .then()
        .statusCode(200)
        .body("items[0].status", equalTo(409));
  }

  @Test
  void moreThanAThousandIsA400() {
    List<Object> invoices = new ArrayList<>();
    Map<String, Object> one =
        TestLedger.invoiceBody(UUID.randomUUID().toString(), "2026-01-15", "1");
    for (int i = 0; i < 1001; i++) {
      invoices.add(one);
    }
    api.erp()
        .body(Map.of("invoices", invoices))
        .post("/api/v1/invoices/batch")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("invoices"));
    api.as("viewer")
        .body(Map.of("invoices", List.of(one)))
        .post("/api/v1/invoices/batch")
        .then()
        .statusCode(403);
  }
}
