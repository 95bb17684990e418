package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.receivables.invoicing.TestLedger.dec;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;

/** Payments, allocations and reversals on the real database and broker. */
@QuarkusTest
class PaymentsApiTest {

  private final TestLedger api = new TestLedger();

  @Test
  void partialThenFullPaymentWithEvents() {
    String customerId = api.customer();
    String invoiceId = api.invoice(customerId, "2026-01-15", "1000");
    Response partial = api.pay(invoiceId, "500.00", "2026-02-01");
    partial
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/payments/"))
        .body("allocations[0].invoiceStatus", equalTo("PARTIALLY_PAID"));
    JsonPath invoice = api.invoiceJson(invoiceId);
    assertThat(invoice.getString("status")).isEqualTo("PARTIALLY_PAID");
    assertThat(invoice.getObject("amountPaid", java.math.BigDecimal.class))
        .isEqualByComparingTo("500");
    assertThat(invoice.getObject("outstanding", java.math.BigDecimal.class))
        .isEqualByComparingTo("700");

    JsonPath event =
        TestLedger.event(PaymentReceived.TYPE, invoiceId, e -> e.getString("status") != null);
    assertThat(event.getString("tenantId")).isEqualTo(api.tenant);
    assertThat(event.getString("customerId")).isEqualTo(customerId);
    assertThat(event.getString("paymentId")).isEqualTo(partial.path("id").toString());
    assertThat(event.getString("currency")).isEqualTo("EUR");
    assertThat(event.getObject("amount", java.math.BigDecimal.class)).isEqualByComparingTo("500");
    assertThat(event.getObject("outstanding", java.math.BigDecimal.class))
        .isEqualByComparingTo("700");
    assertThat(event.getString("receivedOn")).isEqualTo("2026-02-01");
    assertThat(event.getString("status")).isEqualTo("PARTIALLY_PAID");

    api.pay(invoiceId, "700.01", "2026-02-02")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("amount"));
    api.pay(invoiceId, "700.00", "2026-02-02").then().statusCode(201);
    assertThat(api.invoiceJson(invoiceId).getString("status")).isEqualTo("PAID");
    api.pay(invoiceId, "1.00", "2026-02-03").then().statusCode(409);
  }

  @Test
  void badPaymentsAreProblemsNamingTheField() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "100");
    api.pay(invoiceId, "-5", "2026-02-01")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("amount"));
    api.pay(invoiceId, "10.001", "2026-02-01")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("amount"));
    api.pay(invoiceId, "10", "2999-01-01")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("receivedOn"));
    api.erp()
        .body(Map.of("amount", 10))
        .post("/api/v1/invoices/" + invoiceId + "/payments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("receivedOn"));
    api.pay(java.util.UUID.randomUUID().toString(), "10", "2026-02-01").then().statusCode(404);
    api.as("viewer")
        .body(Map.of("amount", 10, "receivedOn", "2026-02-01"))
        .post("/api/v1/invoices/" + invoiceId + "/payments")
        .then()
        .statusCode(403);
  }

  @Test
  void theDiscountedAmountWithinTheWindowSettlesTheInvoice() {
    String customerId = api.customer(Map.of("days", 30, "discountPercent", 2, "discountDays", 10));
    String onTime = api.invoice(customerId, "2026-01-10", "1000");
    JsonPath issued = api.invoiceJson(onTime);
    assertThat(issued.getString("earlyPaymentDiscount.deadline")).isEqualTo("2026-01-20");
    assertThat(issued.getObject("earlyPaymentDiscount.amount", java.math.BigDecimal.class))
        .isEqualByComparingTo("24");
    api.pay(onTime, "1176.00", "2026-01-20")
        .then()
        .statusCode(201)
        .body("allocations[0].discountGranted", equalTo(24.00f));
    JsonPath paid = api.invoiceJson(onTime);
    assertThat(paid.getString("status")).isEqualTo("PAID");
    assertThat(paid.getObject("discountGranted", java.math.BigDecimal.class))
        .isEqualByComparingTo("24");
    assertThat(paid.getObject("outstanding", java.math.BigDecimal.class)).isEqualByComparingTo("0");
    assertThat(
            TestLedger.event(PaymentReceived.TYPE, onTime)
                .getObject("discountGranted", java.math.BigDecimal.class))
        .isEqualByComparingTo("24");

    String late = api.invoice(customerId, "2026-01-10", "1000");
    api.pay(late, "1176.00", "2026-01-21").then().statusCode(201);
    JsonPath partly = api.invoiceJson(late);
    assertThat(partly.getString("status")).isEqualTo("PARTIALLY_PAID");
    assertThat(partly.getObject("outstanding", java.math.BigDecimal.class))
        .isEqualByComparingTo("24");
  }

  @Test
  void concurrentPaymentsNeverOverPay() throws Exception {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "250"); // 300.00 incl. tax
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> api.pay(invoiceId, "100.00", "2026-02-01").statusCode()));
    }
    int created = 0;
    for (Future<Integer> f : answers) {
      int status = f.get(60, TimeUnit.SECONDS);
      assertThat(status).isIn(201, 409, 422);
      created += status == 201 ? 1 : 0;
    }
    pool.shutdown();
    assertThat(created).isEqualTo(3);
    JsonPath invoice = api.invoiceJson(invoiceId);
    assertThat(invoice.getObject("amountPaid", java.math.BigDecimal.class))
        .isEqualByComparingTo("300");
    assertThat(invoice.getString("status")).isEqualTo("PAID");
  }

  @Test
  void oneBankPaymentAcrossInvoicesIsAllOrNothing() {
    String customerId = api.customer();
    String a = api.invoice(customerId, "2026-01-15", "1000"); // 1200
    String b = api.invoice(customerId, "2026-01-20", "250"); // 300
    String otherCustomersInvoice = api.invoice(api.customer(), "2026-01-20", "100");

    // one allocation above its invoice's outstanding: nothing is applied
    api.erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "amount",
                1600,
                "receivedOn",
                "2026-02-01",
                "allocations",
                List.of(
                    Map.of("invoiceId", a, "amount", 1200), Map.of("invoiceId", b, "amount", 400))))
        .post("/api/v1/payments")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("allocations[1].amount"));
    // another customer's invoice: nothing is applied
    api.erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "amount",
                1300,
                "receivedOn",
                "2026-02-01",
                "allocations",
                List.of(
                    Map.of("invoiceId", a, "amount", 1200),
                    Map.of("invoiceId", otherCustomersInvoice, "amount", 100))))
        .post("/api/v1/payments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("allocations[1].invoiceId"));
    // amounts that do not add up
    api.erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "amount",
                1000,
                "receivedOn",
                "2026-02-01",
                "allocations",
                List.of(Map.of("invoiceId", a, "amount", 900))))
        .post("/api/v1/payments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("amount"));
    assertThat(api.invoiceJson(a).getString("status")).isEqualTo("OPEN");

    String paymentId =
        api.erp()
            .body(
                Map.of(
                    "customerId",
                    customerId,
                    "amount",
                    1500,
                    "receivedOn",
                    "2026-02-01",
                    "reference",
                    "VIR-42",
                    "allocations",
                    List.of(
                        Map.of("invoiceId", a, "amount", 1200),
                        Map.of("invoiceId", b, "amount", 300))))
            .post("/api/v1/payments")
            .then()
            .statusCode(201)
            .body("allocations.size()", equalTo(2))
            .extract()
            .path("id");
    assertThat(api.invoiceJson(a).getString("status")).isEqualTo("PAID");
    assertThat(api.invoiceJson(b).getString("status")).isEqualTo("PAID");
    for (String invoice : List.of(a, b)) {
      JsonPath e = TestLedger.event(PaymentReceived.TYPE, invoice);
      assertThat(e.getString("paymentId")).isEqualTo(paymentId);
      assertThat(e.getString("reference")).isEqualTo("VIR-42");
      assertThat(e.getString("status")).isEqualTo("PAID");
    }

    // the transfer bounces: both invoices are owed again
    api.erp()
        .body(Map.of("reason", "Transfer returned", "reversedOn", "2026-02-05"))
        .post("/api/v1/payments/" + paymentId + "/reversal")
        .then()
        .statusCode(200)
        .body("status", equalTo("REVERSED"));
    JsonPath reopened = api.invoiceJson(a);
    assertThat(reopened.getString("status")).isEqualTo("OPEN");
    assertThat(reopened.getObject("outstanding", java.math.BigDecimal.class))
        .isEqualByComparingTo("1200");
    JsonPath reversed = TestLedger.event(PaymentReversed.TYPE, b);
    assertThat(reversed.getString("paymentId")).isEqualTo(paymentId);
    assertThat(reversed.getObject("amount", java.math.BigDecimal.class))
        .isEqualByComparingTo("300");
    assertThat(reversed.getObject("outstanding", java.math.BigDecimal.class))
        .isEqualByComparingTo("300");
    assertThat(reversed.getString("status")).isEqualTo("OPEN");
    assertThat(reversed.getString("reason")).isEqualTo("Transfer returned");
    api.erp()
        .body(Map.of("reason", "again"))
        .post("/api/v1/payments/" + paymentId + "/reversal")
        .then()
        .statusCode(409);
    api.as("viewer")
        .get("/api/v1/payments/" + paymentId)
        .then()
        .statusCode(200)
        .body("status", equalTo("REVERSED"));
  }

  @Test
  void paymentsOnClosedInvoicesAreRejected() {
    String customerId = api.customer();
    String cancelled = api.invoice(customerId, "2026-01-15", "100");
    api.erp()
        .body(Map.of("reason", "Issued by mistake"))
        .post("/api/v1/invoices/" + cancelled + "/cancellation")
        .then()
        .statusCode(200);
    api.pay(cancelled, "10", "2026-02-01")
        .then()
        .statusCode(409)
        .body("detail", containsString("CANCELLED"));
    String writtenOff = api.invoice(customerId, "2026-01-15", "100");
    api.erp()
        .body(Map.of("reason", "Bankrupt"))
        .post("/api/v1/invoices/" + writtenOff + "/write-off")
        .then()
        .statusCode(200);
    api.pay(writtenOff, "10", "2026-02-01").then().statusCode(409);
  }

  @Test
  void anotherTenantSeesNoPayment() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "100");
    String paymentId =
        api.pay(invoiceId, "10", "2026-02-01").then().statusCode(201).extract().path("id");
    TestLedger other = new TestLedger();
    other.as("admin").get("/api/v1/payments/" + paymentId).then().statusCode(404);
    other.pay(invoiceId, "10", "2026-02-01").then().statusCode(404);
    other
        .erp()
        .body(Map.of("reason", "x"))
        .post("/api/v1/payments/" + paymentId + "/reversal")
        .then()
        .statusCode(404);
    assertThat(dec("10"))
        .isEqualByComparingTo(
            api.invoiceJson(invoiceId).getObject("amountPaid", java.math.BigDecimal.class));
  }
}
