package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.cash.Statements.Entry;

/**
 * A statement of thousands of entries imports in one request without outliving a transaction (one
 * of 200 entries once answered 500), applies each match once, and once only when sent again.
 */
@QuarkusTest
class LargeStatementApiTest {

  private static final int ENTRIES = 2_000;
  private static final int INVOICES = 400;
  private static final int BY_REFERENCE = 50;
  private static final int DEBITS = 50;

  private final TestLedger api = new TestLedger();
  private final Random random = new Random(15);

  @Test
  void twoThousandEntriesImportInOneRequestAndNothingIsAppliedTwice() {
    String run = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36).toUpperCase();
    List<String> customers = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      customers.add(api.customer());
    }
    List<Object> bodies = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    for (int i = 0; i < INVOICES; i++) {
      String net = (100 + i) + ".00"; // 20 % VAT on top: every invoice owes its own amount
      Map<String, Object> body =
          new HashMap<>(TestLedger.invoiceBody(customers.get(i % 10), "2026-10-01", net));
      body.put("number", String.format("LS-%s-%05d", run, i));
      bodies.add(body);
      numbers.add((String) body.get("number"));
      amounts.add(new BigDecimal(net).multiply(new BigDecimal("1.2")).setScale(2));
    }
    List<String> invoices =
        api.erp()
            .body(Map.of("invoices", bodies))
            .post("/api/v1/invoices/batch")
            .then()
            .statusCode(201)
            .extract()
            .path("items.invoiceId");

    List<Entry> entries = new ArrayList<>();
    BigDecimal closing = BigDecimal.ZERO;
    for (int i = 0; i < ENTRIES; i++) {
      String ref = run + "-" + i;
      Entry e;
      if (i < INVOICES) {
        String text =
            i < BY_REFERENCE
                ? CreditorReference.printed(
                    api.invoiceJson(invoices.get(i)).getString("paymentReference"))
                : "Reglement fac " + numbers.get(i).replace('-', ' ');
        e = Entry.credit(ref, amounts.get(i).toPlainString(), "Client " + i, null, text);
      } else if (i < ENTRIES - DEBITS) {
        // Names nothing, and owes no invoice's amount: left for a collector.
        String amount = "7." + String.format("%02d", random.nextInt(100));
        e = Entry.credit(ref, amount, "Inconnu " + i, null, "virement " + random.nextInt(1000));
      } else {
        e = Entry.debit(ref, "3.00", "frais");
      }
      BigDecimal signed = new BigDecimal(e.amount());
      closing = closing.add(e.side().equals("CRDT") ? signed : signed.negate());
      entries.add(e);
    }
    String xml =
        Statements.camt053(
            8,
            "BIG-" + run,
            "FR7630004000010000000" + run.length(),
            "0.00",
            closing.toPlainString(),
            entries);

    long start = System.nanoTime();
    JsonPath s =
        TestLedger.json(
            api.as("collector")
                .config(patient())
                .contentType("application/xml")
                .body(xml)
                .post("/api/v1/bank-statements")
                .then()
                .statusCode(201)
                .extract()
                .response());
    // A figure for the record (the machine is shared), never an assertion.
    System.out.printf(
        "LargeStatementApiTest: %d entries imported in %.1f s%n",
        ENTRIES, (System.nanoTime() - start) / 1e9);
    assertThat(s.getInt("entries")).isEqualTo(ENTRIES);
    assertThat(s.getBoolean("balanced")).isTrue();
    assertThat(s.getInt("matched")).isEqualTo(INVOICES);
    assertThat(s.getInt("ignored")).isEqualTo(DEBITS);
    assertThat(s.getInt("unmatched") + s.getInt("suggested"))
        .isEqualTo(ENTRIES - INVOICES - DEBITS);
    for (int i : new int[] {0, BY_REFERENCE, INVOICES - 1}) {
      assertThat(api.invoiceJson(invoices.get(i)).getString("status"))
          .as("invoice %d", i)
          .isEqualTo("PAID");
    }

    // Sent again: the same statement, nothing applied twice.
    api.as("collector")
        .config(patient())
        .contentType("application/xml")
        .body(xml)
        .post("/api/v1/bank-statements")
        .then()
        .statusCode(200)
        .body("id", equalTo(s.getString("id")))
        .body("matched", equalTo(INVOICES));
    assertThat(
            api.invoiceJson(invoices.get(INVOICES - 1)).getObject("amountPaid", BigDecimal.class))
        .isEqualByComparingTo(amounts.get(INVOICES - 1));
    assertThat(entries(s.getString("id"), "MATCHED")).hasSize(INVOICES);
  }

  /**
   * The test client gives up after quarkus.http.test-timeout (30 s); on a loaded machine a
   * statement of 2,000 entries may take longer, which is what this test is about, so it waits.
   */
  private static RestAssuredConfig patient() {
    return RestAssured.config()
        .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 900_000));
  }

  private List<Object> entries(String statementId, String status) {
    return api.read("/api/v1/bank-statements/" + statementId + "/entries?status=" + status)
        .getList("items");
  }
}
