package org.receivables.invoicing.einvoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.kit.testing.TestTokens;

/** POST /api/v1/e-invoices on real PostgreSQL and Kafka, with documents written for the tests. */
@QuarkusTest
class EInvoiceApiTest {

  private final TestLedger api = new TestLedger();

  @jakarta.inject.Inject org.receivables.invoicing.einvoice.validate.En16931Validator validator;

  /** The CEN artefacts compile in the background from start-up; the tests time requests. */
  @org.junit.jupiter.api.BeforeEach
  void artefactsCompiled() {
    validator.awaitWarm();
  }

  private RequestSpecification erp(String contentType) {
    return given()
        .header("Authorization", TestTokens.bearer(api.tenant, "erp"))
        .contentType(contentType);
  }

  private Response post(String xml) {
    return erp("application/xml")
        .body(xml.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/e-invoices");
  }

  private static JsonPath decimals(Response r) {
    return r.jsonPath(
        JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
  }

  @Test
  void ublInvoiceEntersWithTheDocumentsOwnFigures() {
    TestDocument d = En16931ValidatorTest.everyCategory();
    Response created = post(d.ubl());
    created.then().statusCode(201).header("Location", containsString("/api/v1/invoices/"));
    JsonPath body = decimals(created);
    assertThat(body.getString("kind")).isEqualTo("INVOICE");
    assertThat(body.getString("invoice.number")).isEqualTo(d.number);
    assertThat(body.getString("invoice.issueDate")).isEqualTo("2026-11-02");
    assertThat(body.getString("invoice.dueDate")).isEqualTo("2026-12-02");
    assertThat(body.<BigDecimal>get("invoice.totalExclTax")).isEqualByComparingTo(d.taxExclusive());
    assertThat(body.<BigDecimal>get("invoice.totalTax")).isEqualByComparingTo(d.taxTotal());
    assertThat(body.<BigDecimal>get("invoice.totalInclTax")).isEqualByComparingTo(d.taxInclusive());
    assertThat(body.<BigDecimal>get("invoice.amountPaid")).isEqualByComparingTo("100.00");
    assertThat(body.<BigDecimal>get("invoice.outstanding")).isEqualByComparingTo(d.payable());
    assertThat(body.getString("invoice.status")).isEqualTo("PARTIALLY_PAID");
    // our own creditor reference, as on every invoice; the document's BT-83 is kept beside it
    assertThat(body.getString("invoice.paymentReference")).startsWith("RF");
    // 4 lines, the allowance and the charge: the lines per rate add up to the taxable amounts
    assertThat(body.getList("invoice.lines")).hasSize(6);
    assertThat(body.<BigDecimal>get("invoice.lines[4].netAmount")).isEqualByComparingTo("-10.00");
    assertThat(body.getList("document.vatBreakdown.category")).containsExactly("S", "S", "Z", "E");
    // the ledger's lines keep the categories, so the invoice exports as it came
    assertThat(body.getList("invoice.lines.vatCategory"))
        .containsExactly("S", "S", "Z", "E", "S", "S");
    assertThat(body.getString("invoice.lines[3].vatExemptionReason")).isEqualTo(d.exemptionReason);
    assertThat(body.getString("invoice.buyerVatId")).isEqualTo(d.buyerVat);
    assertThat(body.getString("document.remittanceInformation")).isEqualTo("RF18539007547034");
    assertThat(body.getString("document.buyerReference")).isEqualTo("BR-77");
    assertThat(body.getString("document.purchaseOrderReference")).isEqualTo("PO-4711");
    assertThat(body.getList("document.notes")).containsExactly("Thank you for your order");
    assertThat(body.<BigDecimal>get("document.totals.prepaid")).isEqualByComparingTo("100.00");
    String invoiceId = body.getString("invoice.id");

    // the invoice is the ledger's own resource, and the VAT per rate matches the document
    JsonPath invoice =
        decimals(
            api.as("viewer")
                .get("/api/v1/invoices/" + invoiceId)
                .then()
                .statusCode(200)
                .extract()
                .response());
    assertThat(invoice.<BigDecimal>get("totalTax")).isEqualByComparingTo(d.taxTotal());
    BigDecimal vatPerRate =
        invoice.getList("vatBreakdown.taxAmount", BigDecimal.class).stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(vatPerRate).isEqualByComparingTo(d.taxTotal());

    // the same bytes again: 200, same invoice; other bytes with the same number: 409
    post(d.ubl()).then().statusCode(200).body("invoice.id", equalTo(invoiceId));
    d.note = "A different note";
    post(d.ubl()).then().statusCode(409).contentType("application/problem+json");

    // the original bytes come back unchanged
    d.note = "Thank you for your order";
    byte[] original =
        api.as("viewer")
            .accept("application/xml")
            .get("/api/v1/invoices/" + invoiceId + "/document")
            .then()
            .statusCode(200)
            .contentType(containsString("application/xml"))
            .extract()
            .asByteArray();
    assertThat(new String(original, StandardCharsets.UTF_8)).isEqualTo(d.ubl());
  }

  @Test
  void theInvoiceAnsweredIsTheOneTheLedgerReadsBack() {
    TestDocument d = new TestDocument();
    d.line("3", "12.50", "S", "20");
    d.line("1", "7.35", "S", "5.5");
    JsonPath created = TestLedger.json(post(d.ubl()).then().statusCode(201).extract().response());

    // answered from the invoice as written, not read back: it must be what a read returns
    JsonPath read = api.invoiceJson(created.getString("invoice.id"));
    assertThat(created.getMap("invoice")).isEqualTo(read.getMap(""));
  }

  @Test
  void aDocumentNumberTheLedgerAlreadyUsesIsAConflict() {
    TestDocument d = new TestDocument();
    d.line("1", "10.00", "S", "20");
    Map<String, Object> json = TestLedger.invoiceBody(api.customer(), "2026-01-15", "100");
    json.put("number", d.number);
    api.erp().body(json).post("/api/v1/invoices").then().statusCode(201);

    post(d.ubl())
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("An invoice numbered " + d.number + " already exists"));
  }

  @Test
  void ciiInvoiceMatchesTheCustomerByLegalId() {
    Map<String, Object> customer =
        TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 45));
    TestDocument d = new TestDocument();
    customer.put("legalId", d.buyerSiren);
    String customerId =
        api.erp()
            .body(customer)
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    d.dueDate = null;
    d.line("2", "150.00", "S", "20");
    Response created = post(d.cii());
    created.then().statusCode(201).body("invoice.customerId", equalTo(customerId));
    // without BT-9 the due date comes from the customer's terms
    assertThat(created.jsonPath().getString("invoice.dueDate")).isEqualTo("2026-12-17");
    assertThat(created.jsonPath().getString("document.syntax")).isEqualTo("CII");
  }

  @Test
  void anUnknownBuyerIsRegisteredOnceWithItsIdentifier() {
    TestDocument first = new TestDocument();
    first.buyerVat = "FR" + "44" + first.buyerSiren;
    first.line("1", "10.00", "S", "20");
    String customerId =
        post(first.ubl()).then().statusCode(201).extract().path("invoice.customerId");
    api.as("viewer")
        .get("/api/v1/customers/" + customerId)
        .then()
        .statusCode(200)
        .body("externalRef", equalTo(first.buyerVat))
        .body("legalId", equalTo(first.buyerSiren))
        .body("name", equalTo("Boulangerie Martin"));
    TestDocument second = new TestDocument();
    second.buyerVat = first.buyerVat;
    second.buyerSiren = first.buyerSiren;
    second.line("1", "20.00", "S", "20");
    post(second.cii()).then().statusCode(201).body("invoice.customerId", equalTo(customerId));
  }

  @Test
  void creditNotesCreditTheInvoiceTheyName() {
    TestDocument invoice = new TestDocument();
    invoice.line("10", "100.00", "S", "20");
    String invoiceId = post(invoice.ubl()).then().statusCode(201).extract().path("invoice.id");

    TestDocument ubl = new TestDocument();
    ubl.ublCreditNote = true;
    ubl.typeCode = "381";
    ubl.precedingInvoice = invoice.number;
    ubl.line("1", "100.00", "S", "20");
    Response credited = post(ubl.ubl());
    credited
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/invoices/" + invoiceId + "/credit-notes/"))
        .body("kind", equalTo("CREDIT_NOTE"))
        .body("creditNote.invoiceId", equalTo(invoiceId));
    assertThat(decimals(credited).<BigDecimal>get("creditNote.outstanding"))
        .isEqualByComparingTo("1080.00");

    TestDocument cii = new TestDocument();
    cii.typeCode = "381";
    cii.precedingInvoice = invoice.number;
    cii.line("2", "50.00", "S", "20");
    post(cii.cii()).then().statusCode(201).body("kind", equalTo("CREDIT_NOTE"));
    api.as("viewer")
        .get("/api/v1/invoices/" + invoiceId)
        .then()
        .body("amountCredited", equalTo(240.00f))
        .body("outstanding", equalTo(960.00f));

    TestDocument unknown = new TestDocument();
    unknown.typeCode = "381";
    unknown.precedingInvoice = "NO-SUCH-" + UUID.randomUUID();
    unknown.line("1", "5.00", "S", "20");
    // naming an invoice the tenant does not have: an unapplied credit on the buyer's account
    Response onAccount = post(unknown.cii());
    onAccount
        .then()
        .statusCode(201)
        .header("Location", containsString("/account-credits"))
        .body("kind", equalTo("CREDIT_NOTE"))
        .body("accountCredit.currency", equalTo("EUR"))
        .body("accountCredit.issuedOn", equalTo("2026-11-02"));
    assertThat(decimals(onAccount).<BigDecimal>get("accountCredit.amount"))
        .isEqualByComparingTo("6.00");
    String buyerId = onAccount.path("accountCredit.customerId");
    String creditId = onAccount.path("accountCredit.id");
    JsonPath balance = api.read("/api/v1/customers/" + buyerId + "/balance");
    assertThat(balance.<BigDecimal>get("unappliedCredits")).isEqualByComparingTo("6.00");
    assertThat(balance.<BigDecimal>get("balance")).isEqualByComparingTo("-6.00");
    assertThat(api.read("/api/v1/customers/" + buyerId + "/account-credits").getList("items.id"))
        .containsExactly(creditId);
    // the same credit note again changes nothing
    post(unknown.cii()).then().statusCode(200).body("accountCredit.id", equalTo(creditId));
    assertThat(
            api.read("/api/v1/customers/" + buyerId + "/balance")
                .<BigDecimal>get("unappliedCredits"))
        .isEqualByComparingTo("6.00");
  }

  @Test
  void currenciesKeepTheirDecimals() {
    TestDocument yen = new TestDocument();
    yen.currency = "JPY";
    yen.decimals = 0;
    yen.line("3", "1200", "S", "10");
    post(yen.ubl())
        .then()
        .statusCode(201)
        .body("invoice.currency", equalTo("JPY"))
        .body("invoice.totalInclTax", equalTo(3960));

    TestDocument dinar = new TestDocument();
    dinar.currency = "KWD";
    dinar.line("1", "12.25", "S", "20");
    Response kwd = post(dinar.cii());
    kwd.then().statusCode(201);
    assertThat(decimals(kwd).<BigDecimal>get("invoice.totalInclTax").scale()).isEqualTo(3);
    assertThat(decimals(kwd).<BigDecimal>get("invoice.totalInclTax")).isEqualByComparingTo("14.70");

    TestDocument fractionalYen = new TestDocument();
    fractionalYen.currency = "JPY";
    fractionalYen.line("1", "100.50", "S", "10");
    post(fractionalYen.ubl()).then().statusCode(422).body("errors.rule", hasItem("SUITE-CUR-1"));
  }

  @Test
  void brokenRulesComeBackOneByOne() {
    String broken =
        En16931ValidatorTest.everyCategory()
            .ubl()
            .replaceFirst(
                "<cbc:PayableAmount currencyID=\"EUR\">[0-9.]+<",
                "<cbc:PayableAmount currencyID=\"EUR\">1.00<")
            .replaceFirst("<cbc:DocumentCurrencyCode>EUR<", "<cbc:DocumentCurrencyCode>EUR<");
    post(broken)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.rule", hasItem("BR-CO-16"))
        .body("errors[0].location", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void hostileOrForeignBytesAre400() {
    String dtd = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ELEMENT Invoice ANY>]><Invoice/>";
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]><l>&d;</l>";
    for (String hostile : new String[] {dtd, xxe, laughs}) {
      post(hostile)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("DTD"));
    }
    byte[] nul = "<Invoice>\u0000</Invoice>".getBytes(StandardCharsets.UTF_8);
    byte[] badUtf8 = {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'};
    for (byte[] bytes : new byte[][] {nul, badUtf8, "not xml".getBytes(StandardCharsets.UTF_8)}) {
      erp("application/xml").body(bytes).post("/api/v1/e-invoices").then().statusCode(400);
    }
    post("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>")
        .then()
        .statusCode(400)
        .body("detail", containsString("not an EN 16931 invoice"));
    erp("application/pdf")
        .body("%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(400);
  }

  @Test
  void rolesAreCheckedBeforeTheMediaType() {
    given()
        .header("Authorization", TestTokens.bearer(api.tenant, "viewer"))
        .contentType("application/json")
        .body("{\"matrixProbe\": true}")
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(403);
    erp("application/json")
        .body("{\"matrixProbe\": true}")
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void tooLargeIs413() {
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    erp("application/xml").body(big).post("/api/v1/e-invoices").then().statusCode(413);
  }

  @Test
  void facturXPdfIsReadAndKept() throws IOException {
    TestDocument d = new TestDocument();
    d.line("5", "20.00", "S", "20");
    byte[] pdf = facturX(d.cii().getBytes(StandardCharsets.UTF_8));
    String invoiceId =
        erp("application/pdf")
            .body(pdf)
            .post("/api/v1/e-invoices")
            .then()
            .statusCode(201)
            .body("invoice.totalInclTax", equalTo(120.00f))
            .extract()
            .path("invoice.id");
    byte[] kept =
        api.as("viewer")
            .accept("application/pdf")
            .get("/api/v1/invoices/" + invoiceId + "/document")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    assertThat(kept).isEqualTo(pdf);
  }

  @Test
  void anInvoiceCreatedAsJsonHasNoDocument() {
    String invoice = api.invoice(api.customer(), "2026-01-15", "100");
    api.as("viewer")
        .accept("application/xml")
        .get("/api/v1/invoices/" + invoice + "/document")
        .then()
        .statusCode(404);
  }

  @Test
  void aTenantWithAcceptedSellersRefusesTheOthers() {
    RequestSpecification restricted =
        given()
            .header("Authorization", TestTokens.bearer("einv-restricted", "erp"))
            .contentType("application/xml");
    TestDocument own = new TestDocument();
    own.line("1", "10.00", "S", "20");
    restricted
        .body(own.ubl().getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(201);
    TestDocument other = new TestDocument();
    other.sellerVat = "FR00999999999";
    other.sellerSiren = "999999999";
    other.line("1", "10.00", "S", "20");
    given()
        .header("Authorization", TestTokens.bearer("einv-restricted", "erp"))
        .contentType("application/xml")
        .body(other.ubl().getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(422)
        .body("errors.rule", hasItem("SUITE-SELLER-1"));
  }

  /** A PDF with the XML attached as factur-x.xml, as a Factur-X producer attaches it. */
  static byte[] facturX(byte[] xml) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      pdf.addPage(new PDPage());
      PDEmbeddedFile file = new PDEmbeddedFile(pdf, new java.io.ByteArrayInputStream(xml));
      file.setSubtype("text/xml");
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("factur-x.xml");
      spec.setEmbeddedFile(file);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of("factur-x.xml", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      pdf.getDocumentCatalog().setNames(names);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aDocumentThatArrivesPaidEmitsPaidFromTheLedger() {
    TestDocument d = new TestDocument().line("2", "50.00", "S", "20");
    d.prepaid = "120.00";
    String invoiceId = post(d.ubl()).then().statusCode(201).extract().path("invoice.id").toString();
    JsonPath statuses = api.read("/api/v1/invoices/" + invoiceId + "/lifecycle-statuses");
    assertThat(statuses.getList("status")).containsExactly("PAID");
    assertThat(statuses.getString("[0].source")).isEqualTo("LEDGER");
    assertThat(statuses.getString("[0].occurredOn")).isEqualTo(d.issueDate);
  }
}
