package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.cash.Statements.Entry;

/**
 * Statements imported with Prefer: respond-async: 202 and an import the worker completes with the
 * summary the synchronous call answers; the same statement again is the same import; another tenant
 * never sees it.
 */
@QuarkusTest
class StatementImportApiTest {

  private static final String IMPORTS = "/api/v1/bank-statements/imports/";

  private final TestLedger api = new TestLedger();

  private Response upload(String xml, boolean async) {
    var request = api.as("collector").contentType("application/xml").body(xml);
    if (async) {
      request = request.header("Prefer", "return=minimal, respond-async");
    }
    return request.post("/api/v1/bank-statements");
  }

  private JsonPath awaitFinished(String importId) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !"RUNNING".equals(api.read(IMPORTS + importId).getString("status")));
    return api.read(IMPORTS + importId);
  }

  private String statement(String key, String paid, String invoice) {
    String ref = key + "-" + UUID.randomUUID().toString().substring(0, 8);
    String reference = api.invoiceJson(invoice).getString("paymentReference");
    return Statements.camt053(
        8,
        "SA-" + ref,
        "FR7630001007941234567890185",
        "0.00",
        new BigDecimal(paid).add(new BigDecimal("5.00")).toPlainString(),
        List.of(
            Entry.credit(
                ref + "-1", paid, "Boulangerie Martin", null, CreditorReference.printed(reference)),
            Entry.credit(ref + "-2", "5.00", "Inconnu", null, "virement divers")));
  }

  @Test
  void anAsyncImportIsAcceptedThenCompletesWithWhatTheSynchronousCallAnswers() {
    String customer = api.customer();
    String invoice = api.invoice(customer, "2026-10-01", "100"); // 120.00
    String xml = statement("ASYNC", "120.00", invoice);

    Response accepted = upload(xml, true);
    accepted
        .then()
        .statusCode(202)
        .header("Preference-Applied", "respond-async")
        .body("progress.entries", equalTo(2));
    String id = accepted.path("id");
    String statementId = accepted.path("statementId");
    assertThat(accepted.header("Location")).endsWith(IMPORTS + id);

    JsonPath done = awaitFinished(id);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getInt("progress.decided")).isEqualTo(2);
    assertThat(done.getString("finishedAt")).isNotNull();
    assertThat(done.getString("statement.id")).isEqualTo(statementId);
    assertThat(done.getInt("statement.matched")).isEqualTo(1);
    assertThat(done.getInt("statement.unmatched")).isEqualTo(1);
    assertThat(done.getBoolean("statement.balanced")).isTrue();
    assertThat(done.getMap("statement"))
        .isEqualTo(api.read("/api/v1/bank-statements/" + statementId).getMap(""));
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("PAID");

    // the same statement again: the same import, nothing applied twice
    upload(xml, true)
        .then()
        .statusCode(202)
        .header("Location", endsWith(IMPORTS + id))
        .body("id", equalTo(id))
        .body("status", equalTo("COMPLETED"));
    // and synchronously: today's answer, 200 with the same statement
    upload(xml, false).then().statusCode(200).body("id", equalTo(statementId));
    assertThat(api.invoiceJson(invoice).getObject("amountPaid", BigDecimal.class))
        .isEqualByComparingTo("120.00");

    TestLedger.asTenant(new TestLedger().tenant, "viewer")
        .get(IMPORTS + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aStatementFirstImportedSynchronouslyGivesACompletedImportOfTheSameStatement() {
    String customer = api.customer();
    String invoice = api.invoice(customer, "2026-10-01", "50"); // 60.00
    String xml = statement("SYNC", "60.00", invoice);
    String statementId = upload(xml, false).then().statusCode(201).extract().path("id");

    Response accepted = upload(xml, true);
    accepted.then().statusCode(202).body("statementId", equalTo(statementId));
    JsonPath done = awaitFinished(accepted.path("id"));
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getInt("statement.matched")).isEqualTo(1);
    assertThat(api.invoiceJson(invoice).getObject("amountPaid", BigDecimal.class))
        .isEqualByComparingTo("60.00");
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsAccepted() {
    upload("<Document><nothing/></Document>", true)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    api.as("viewer")
        .get(IMPORTS + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
