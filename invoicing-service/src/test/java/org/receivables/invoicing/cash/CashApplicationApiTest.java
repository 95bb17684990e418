package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.cash.Statements.Entry;

/** Statements in every claimed format, matched and applied on the real database and broker. */
@QuarkusTest
class CashApplicationApiTest {

  private final TestLedger api = new TestLedger();

  private static String iban() {
    return "FR76"
        + String.format(
            "%023d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
  }

  private Response upload(String contentType, String body) {
    return api.as("collector").contentType(contentType).body(body).post("/api/v1/bank-statements");
  }

  private JsonPath entries(String statementId, String status) {
    return api.read(
        "/api/v1/bank-statements/"
            + statementId
            + "/entries"
            + (status == null ? "" : "?status=" + status));
  }

  private String reference(String invoiceId) {
    return api.invoiceJson(invoiceId).getString("paymentReference");
  }

  @Test
  void everyCamt053VersionIsReadMatchedByReferenceAndApplied() {
    for (int v = 2; v <= 13; v++) {
      String customer = api.customer();
      String invoice = api.invoice(customer, "2026-10-01", "100"); // 120.00
      String ref = "V" + v + "-" + UUID.randomUUID().toString().substring(0, 8);
      String xml =
          Statements.camt053(
              v,
              "S-" + ref,
              iban(),
              "1000.00",
              "1120.00",
              List.of(
                  Entry.credit(
                      ref,
                      "120.00",
                      "Boulangerie Martin",
                      null,
                      "Paiement " + CreditorReference.printed(reference(invoice)))));
      JsonPath s =
          TestLedger.json(
              upload("application/xml", xml)
                  .then()
                  .statusCode(201)
                  .header("Location", containsString("/api/v1/bank-statements/"))
                  .extract()
                  .response());
      assertThat(s.getString("format"))
          .as("version %d", v)
          .isEqualTo(String.format("camt.053.001.%02d", v));
      assertThat(s.getInt("matched")).as("version %d", v).isEqualTo(1);
      assertThat(s.getBoolean("balanced")).isTrue();
      assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("PAID");
      JsonPath e = entries(s.getString("id"), "MATCHED");
      assertThat(e.getString("items[0].entryReference")).isEqualTo(ref);
      assertThat(e.getString("items[0].debtorName")).isEqualTo("Boulangerie Martin");
      assertThat(e.getString("items[0].allocations[0].invoiceId")).isEqualTo(invoice);
      assertThat(e.getList("items[0].reasons", String.class))
          .anyMatch(r -> r.contains("RF reference"));
    }
  }

  @Test
  void theSameOrAnOverlappingStatementAppliesNothingTwice() {
    String customer = api.customer();
    String a = api.invoice(customer, "2026-10-01", "100");
    String b = api.invoice(customer, "2026-10-01", "200");
    String account = iban();
    Entry first = Entry.credit("N-1-" + UUID.randomUUID(), "60.00", null, null, reference(a));
    Entry second = Entry.credit("N-2-" + UUID.randomUUID(), "240.00", null, null, reference(b));
    String xml =
        Statements.camt053(8, "S1-" + UUID.randomUUID(), account, "0.00", "60.00", List.of(first));
    String id = upload("application/xml", xml).then().statusCode(201).extract().path("id");
    upload("application/xml", xml).then().statusCode(200).body("id", equalTo(id));
    // Overlap: the next statement repeats the first entry and adds one.
    String next =
        Statements.camt053(
            8, "S2-" + UUID.randomUUID(), account, "0.00", "300.00", List.of(first, second));
    JsonPath s =
        TestLedger.json(
            upload("application/xml", next).then().statusCode(201).extract().response());
    assertThat(s.getInt("entries")).isEqualTo(2);
    assertThat(api.invoiceJson(a).getObject("amountPaid", BigDecimal.class))
        .isEqualByComparingTo("60.00");
    assertThat(api.invoiceJson(b).getString("status")).isEqualTo("PAID");
  }

  @Test
  void balancesThatDoNotAddUpAreFlaggedAndDebitsIgnored() {
    String xml =
        Statements.camt053(
            13,
            "S-" + UUID.randomUUID(),
            iban(),
            "100.00",
            "999.00",
            List.of(Entry.debit("D-" + UUID.randomUUID(), "30.00", "loyer")));
    JsonPath s =
        TestLedger.json(upload("application/xml", xml).then().statusCode(201).extract().response());
    assertThat(s.getBoolean("balanced")).isFalse();
    assertThat(s.getString("balanceNote")).contains("70.00").contains("999.00");
    assertThat(s.getInt("ignored")).isEqualTo(1);
    assertThat(entries(s.getString("id"), "IGNORED").getString("items[0].direction"))
        .isEqualTo("DEBIT");
  }

  @Test
  void aReturnedTransferReversesThePaymentOfTheEntryItReturns() {
    String invoice = api.invoice(api.customer(), "2026-10-01", "100");
    String account = iban();
    String ref = "R-" + UUID.randomUUID();
    upload(
            "application/xml",
            Statements.camt053(
                9,
                "S-" + ref,
                account,
                "0.00",
                "120.00",
                List.of(Entry.credit(ref, "120.00", null, null, reference(invoice)))))
        .then()
        .statusCode(201);
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("PAID");
    Entry back =
        new Entry("RET-" + ref, "120.00", "DBIT", true, null, null, "retour", "E2E-" + ref);
    JsonPath s =
        TestLedger.json(
            upload(
                    "application/xml",
                    Statements.camt053(9, "S2-" + ref, account, "120.00", "0.00", List.of(back)))
                .then()
                .statusCode(201)
                .extract()
                .response());
    assertThat(s.getInt("ignored")).isEqualTo(1);
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("OPEN");
  }

  @Test
  void aCamt054NotificationIsMatchedByTheInvoiceNumberInItsText() {
    String customer = api.customer();
    String number = "FAC-" + (100000 + Math.floorMod(UUID.randomUUID().hashCode(), 800000));
    String invoice = invoiceNumbered(customer, number);
    String text = "reglement facture " + number.toLowerCase().replace("-", " ");
    JsonPath s =
        TestLedger.json(
            upload(
                    "application/xml",
                    Statements.camt054(
                        8,
                        "N-" + UUID.randomUUID(),
                        iban(),
                        List.of(
                            Entry.credit("C-" + UUID.randomUUID(), "120.00", null, null, text))))
                .then()
                .statusCode(201)
                .extract()
                .response());
    assertThat(s.getString("format")).isEqualTo("camt.054.001.08");
    assertThat(s.getInt("matched")).isEqualTo(1);
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("PAID");
  }

  /**
   * The second entry quotes B, whose neighbour A (a keystroke away) owes the same amount: alone
   * that holds it back, but the first entry of the same statement pays A, so by the time the second
   * is decided only B owes it.
   */
  @Test
  void anEntryIsDecidedOnWhatTheEarlierEntriesOfItsStatementLeft() {
    String customer = api.customer();
    String base =
        String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 100_000_000L);
    String a = invoiceNumbered(customer, "KS" + base + "1");
    String b = invoiceNumbered(customer, "KS" + base + "2");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String xml =
        Statements.camt053(
            8,
            "SEQ-" + run,
            iban(),
            "0.00",
            "240.00",
            List.of(
                Entry.credit(
                    run + "-1",
                    "120.00",
                    null,
                    null,
                    "Paiement " + CreditorReference.printed(reference(a))),
                Entry.credit(run + "-2", "120.00", null, null, "facture KS" + base + "2")));
    JsonPath s =
        TestLedger.json(upload("application/xml", xml).then().statusCode(201).extract().response());
    assertThat(api.invoiceJson(a).getString("status")).isEqualTo("PAID");
    assertThat(s.getInt("matched"))
        .as("entries: %s", entries(s.getString("id"), null).prettify())
        .isEqualTo(2);
    assertThat(api.invoiceJson(b).getString("status")).isEqualTo("PAID");
  }

  private String invoiceNumbered(String customer, String number) {
    return api.erp()
        .body(withNumber(TestLedger.invoiceBody(customer, "2026-10-01", "100"), number))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Map<String, Object> withNumber(Map<String, Object> body, String number) {
    body.put("number", number);
    return body;
  }

  @Test
  void aCfonb120StatementIsReadAndMatched() {
    String invoice = api.invoice(api.customer(), "2026-10-01", "100");
    String account =
        String.format(
            "%011d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 100_000_000_000L);
    String body =
        Statements.cfonb120(
            account,
            "1000.00",
            List.<String[]>of(
                new String[] {
                  "120.00",
                  "VIR " + reference(invoice),
                  "BOULANGERIE MARTIN",
                  "REF" + account.substring(0, 8)
                }));
    JsonPath s =
        TestLedger.json(upload("text/plain", body).then().statusCode(201).extract().response());
    assertThat(s.getString("format")).isEqualTo("cfonb120");
    assertThat(s.getBoolean("balanced")).isTrue();
    assertThat(s.getInt("matched")).isEqualTo(1);
    assertThat(entries(s.getString("id"), null).getString("items[0].debtorName"))
        .isEqualTo("BOULANGERIE MARTIN");
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("PAID");
    upload("text/plain", body).then().statusCode(200).body("id", equalTo(s.getString("id")));
  }

  @Test
  void hostileOrForeignBytesAreProblemsNeverErrors() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>";
    upload("application/xml", xxe)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].message", containsString("DOCTYPE"));
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><a>&lol2;</a>";
    upload("application/xml", bomb).then().statusCode(400).contentType("application/problem+json");
    upload("application/xml", "<a>not closed")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    upload(
            "application/xml",
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("camt.053"));
    upload("text/plain", "hello").then().statusCode(400).contentType("application/problem+json");
    upload("application/xml", "").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void aViewerReadsButMayNotImport() {
    api.as("viewer")
        .contentType("application/xml")
        .body("<a/>")
        .post("/api/v1/bank-statements")
        .then()
        .statusCode(403);
  }

  @Test
  void aCollectorMatchesSplitsUnmatchesAndTheIbanIsLearnt() {
    String customer = api.customer();
    String invoice = api.invoice(customer, "2026-10-01", "100"); // 120.00
    String account = iban();
    String payer = "FR7612345000019876543210987";
    String ref = "M-" + UUID.randomUUID();
    // No reference, no number: the amount alone is only a suggestion.
    JsonPath s =
        TestLedger.json(
            upload(
                    "application/xml",
                    Statements.camt053(
                        8,
                        "S-" + ref,
                        account,
                        "0.00",
                        "150.00",
                        List.of(
                            Entry.credit(ref, "150.00", "Boulangerie Martin", payer, "virement"))))
                .then()
                .statusCode(201)
                .extract()
                .response());
    assertThat(s.getInt("matched")).isZero();
    String entryId = entries(s.getString("id"), null).getString("items[0].id");
    String path = "/api/v1/bank-statement-entries/" + entryId;
    api.as("collector")
        .body(
            Map.of(
                "allocations",
                List.of(Map.of("invoiceId", invoice, "amount", new BigDecimal("200.00")))))
        .post(path + "/match")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    JsonPath matched =
        TestLedger.json(
            api.as("collector")
                .body(
                    Map.of(
                        "allocations",
                        List.of(Map.of("invoiceId", invoice, "amount", new BigDecimal("120.00")))))
                .post(path + "/match")
                .then()
                .statusCode(200)
                .extract()
                .response());
    assertThat(matched.getString("status")).isEqualTo("MATCHED");
    api.as("collector")
        .body(
            Map.of(
                "allocations",
                List.of(Map.of("invoiceId", invoice, "amount", new BigDecimal("1.00")))))
        .post(path + "/match")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    // The 30.00 beyond the invoice is the customer's unapplied cash.
    JsonPath balance = api.read("/api/v1/customers/" + customer + "/balance");
    assertThat(balance.getObject("openInvoices", BigDecimal.class)).isEqualByComparingTo("0.00");
    assertThat(balance.getObject("unappliedCash", BigDecimal.class)).isEqualByComparingTo("30.00");
    assertThat(balance.getObject("balance", BigDecimal.class)).isEqualByComparingTo("-30.00");

    // Unmatch reverses the payment and withdraws the cash.
    api.as("collector")
        .body(Map.of("reason", "wrong invoice"))
        .post(path + "/unmatch")
        .then()
        .statusCode(200)
        .body("status", equalTo("UNMATCHED"));
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("OPEN");
    assertThat(
            api.read("/api/v1/customers/" + customer + "/balance")
                .getObject("unappliedCash", BigDecimal.class))
        .isEqualByComparingTo("0");

    // The IBAN was learnt: the same payer paying the exact amount of another invoice is applied.
    String other = api.invoice(customer, "2026-10-02", "50"); // 60.00
    String ref2 = "M2-" + UUID.randomUUID();
    JsonPath s2 =
        TestLedger.json(
            upload(
                    "application/xml",
                    Statements.camt053(
                        8,
                        "S-" + ref2,
                        account,
                        "0.00",
                        "180.00",
                        List.of(
                            Entry.credit(
                                ref2, "180.00", "BOULANGERIE MARTIN SARL", payer, "virement"))))
                .then()
                .statusCode(201)
                .extract()
                .response());
    assertThat(s2.getInt("matched")).as(entries(s2.getString("id"), null).prettify()).isEqualTo(1);
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("PAID");
    assertThat(api.invoiceJson(other).getString("status")).isEqualTo("PAID");
  }

  @Test
  void overPaymentLeavesCashThatIsAppliedLater() {
    String customer = api.customer();
    String first = api.invoice(customer, "2026-10-01", "100"); // 120.00
    String ref = "O-" + UUID.randomUUID();
    upload(
            "application/xml",
            Statements.camt053(
                10,
                "S-" + ref,
                iban(),
                "0.00",
                "200.00",
                List.of(Entry.credit(ref, "200.00", null, null, reference(first)))))
        .then()
        .statusCode(201)
        .body("matched", equalTo(1));
    JsonPath credits = api.read("/api/v1/customers/" + customer + "/account-credits");
    assertThat(credits.getObject("items[0].remaining", BigDecimal.class))
        .isEqualByComparingTo("80.00");
    String creditId = credits.getString("items[0].id");
    String second = api.invoice(customer, "2026-10-05", "50"); // 60.00
    api.as("collector")
        .body(Map.of("invoiceId", second, "amount", new BigDecimal("90.00")))
        .post("/api/v1/customers/" + customer + "/account-credits/" + creditId + "/applications")
        .then()
        .statusCode(422);
    api.as("collector")
        .body(Map.of("invoiceId", second, "amount", new BigDecimal("60.00")))
        .post("/api/v1/customers/" + customer + "/account-credits/" + creditId + "/applications")
        .then()
        .statusCode(201)
        .body("credit.remaining", equalTo(20.00f));
    assertThat(api.invoiceJson(second).getString("status")).isEqualTo("PAID");
    assertThat(
            api.read("/api/v1/customers/" + customer + "/balance")
                .getObject("unappliedCash", BigDecimal.class))
        .isEqualByComparingTo("20.00");
  }

  @Test
  void anotherTenantsInvoiceNumbersAndReferencesNeverMatch() {
    TestLedger other = new TestLedger();
    String theirs = other.invoice(other.customer(), "2026-10-01", "100");
    String theirNumber = other.invoiceJson(theirs).getString("number");
    String theirRef = other.invoiceJson(theirs).getString("paymentReference");
    String ref = "T-" + UUID.randomUUID();
    JsonPath s =
        TestLedger.json(
            upload(
                    "application/xml",
                    Statements.camt053(
                        8,
                        "S-" + ref,
                        iban(),
                        "0.00",
                        "120.00",
                        List.of(
                            Entry.credit(ref, "120.00", null, null, theirNumber + " " + theirRef))))
                .then()
                .statusCode(201)
                .extract()
                .response());
    assertThat(s.getInt("unmatched")).isEqualTo(1);
    assertThat(other.invoiceJson(theirs).getString("status")).isEqualTo("OPEN");
    // and another tenant cannot read this one's statement
    other
        .as("viewer")
        .get("/api/v1/bank-statements/" + s.getString("id") + "/entries")
        .then()
        .statusCode(404);
  }
}
