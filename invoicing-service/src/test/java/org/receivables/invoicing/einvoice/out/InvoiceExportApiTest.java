package org.receivables.invoicing.einvoice.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.einvoice.read.FacturX;
import org.receivables.invoicing.einvoice.validate.En16931Validator;
import org.receivables.invoicing.einvoice.xml.SecureXml;

/**
 * GET /api/v1/invoices/{id} as CII and Factur-X, on real PostgreSQL, validated as the intake does.
 */
@QuarkusTest
class InvoiceExportApiTest {

  private final TestLedger api = new TestLedger();

  @Inject En16931Validator validator;

  @BeforeEach
  void artefactsCompiled() {
    validator.awaitWarm();
  }

  private String invoice(String currency, List<Map<String, Object>> lines) {
    Map<String, Object> body = TestLedger.invoiceBody(api.customer(), "2026-11-02");
    body.put("lines", lines);
    body.put("currency", currency);
    return api.erp()
        .body(body)
        .post("/api/v1/invoices")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Map<String, Object> line(String description, int qty, String price, String rate) {
    return Map.of(
        "description",
        description,
        "quantity",
        qty,
        "unitPrice",
        new BigDecimal(price),
        "vatRate",
        new BigDecimal(rate));
  }

  private Response get(String id, String accept) {
    return api.as("viewer").accept(accept).get("/api/v1/invoices/" + id);
  }

  private List<String> errors(byte[] cii) {
    return validator
        .validate(En16931Validator.Kind.CII, cii, SecureXml.parse(cii))
        .errors()
        .stream()
        .map(e -> e.rule() + " " + e.message())
        .toList();
  }

  private void assertCiiMatchesJson(String id, byte[] cii, String currency) {
    Response json = get(id, "application/json");
    String xml = new String(cii, StandardCharsets.UTF_8);
    assertThat(errors(cii)).isEmpty();
    assertThat(xml)
        .contains("<ram:InvoiceCurrencyCode>" + currency + "</ram:InvoiceCurrencyCode>")
        .contains("<ram:ID>" + json.path("number") + "</ram:ID>")
        .contains(
            "<ram:PaymentReference>" + json.path("paymentReference") + "</ram:PaymentReference>")
        .contains("<ram:GrandTotalAmount>" + json.path("totalInclTax").toString())
        .contains("<ram:DuePayableAmount>" + json.path("totalInclTax").toString())
        .contains(
            "<ram:TaxTotalAmount currencyID=\""
                + currency
                + "\">"
                + json.path("totalTax").toString());
  }

  @Test
  void twoVatRatesAsCiiPassEn16931() {
    String id =
        invoice(
            "EUR",
            List.of(line("Croissants", 120, "0.95", "5.5"), line("Consulting", 3, "333.33", "20")));
    Response xml = get(id, "application/xml");
    xml.then().statusCode(200).contentType(containsString("application/xml"));
    assertCiiMatchesJson(id, xml.asByteArray(), "EUR");
    assertThat(xml.asString())
        .contains("<ram:RateApplicablePercent>5.50</ram:RateApplicablePercent>")
        .contains("<ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>")
        .contains("Test Seller SAS");
  }

  @Test
  void aForeignCurrencyInvoiceAsCiiPassesEn16931() {
    String id = invoice("USD", List.of(line("Licence", 2, "1499.99", "20")));
    Response xml = get(id, "application/xml");
    xml.then().statusCode(200);
    assertCiiMatchesJson(id, xml.asByteArray(), "USD");
  }

  @Test
  void facturXCarriesTheCiiThatPassesEn16931() {
    String id =
        invoice(
            "EUR",
            List.of(line("Croissants", 120, "0.95", "5.5"), line("Consulting", 3, "333.33", "20")));
    Response pdf = get(id, "application/pdf");
    pdf.then().statusCode(200).contentType(containsString("application/pdf"));
    byte[] bytes = pdf.asByteArray();
    assertThat(FacturX.isPdf(bytes)).isTrue();
    assertCiiMatchesJson(id, FacturX.embeddedXml(bytes, 5_000_000), "EUR");
  }

  @Test
  void ublOnRequestStatesTheSameFiguresAndPassesEn16931() {
    String id =
        invoice(
            "EUR",
            List.of(line("Croissants", 120, "0.95", "5.5"), line("Consulting", 3, "333.33", "20")));
    Response json = get(id, "application/json");
    Response ubl =
        api.as("viewer")
            .accept("application/xml")
            .queryParam("syntax", "UBL")
            .get("/api/v1/invoices/" + id);
    ubl.then().statusCode(200).contentType(containsString("application/xml"));
    byte[] bytes = ubl.asByteArray();
    assertThat(
            validator
                .validate(En16931Validator.Kind.UBL_INVOICE, bytes, SecureXml.parse(bytes))
                .errors())
        .isEmpty();
    assertThat(ubl.asString())
        .contains("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>")
        .contains("<cbc:ID>" + json.path("number") + "</cbc:ID>")
        .contains(">" + json.path("totalInclTax").toString() + "</cbc:TaxInclusiveAmount>")
        .contains(">" + json.path("totalInclTax").toString() + "</cbc:PayableAmount>");
    api.as("viewer")
        .accept("application/xml")
        .queryParam("syntax", "EDIFACT")
        .get("/api/v1/invoices/" + id)
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"));
  }

  @Test
  void jsonStaysTheDefault() {
    String id = invoice("EUR", List.of(line("Goods", 1, "100", "20")));
    api.as("viewer")
        .get("/api/v1/invoices/" + id)
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("id", equalTo(id));
    get(id, "*/*").then().statusCode(200).contentType(containsString("application/json"));
  }

  @Test
  void anUnsupportedAcceptIs406ProblemJson() {
    String id = invoice("EUR", List.of(line("Goods", 1, "100", "20")));
    get(id, "text/csv")
        .then()
        .statusCode(406)
        .contentType(containsString("application/problem+json"));
  }

  @Test
  void anotherTenantsInvoiceIs404InEveryMediaType() {
    String id = invoice("EUR", List.of(line("Goods", 1, "100", "20")));
    TestLedger other = new TestLedger();
    for (String type : List.of("application/xml", "application/pdf")) {
      other.as("viewer").accept(type).get("/api/v1/invoices/" + id).then().statusCode(404);
    }
    api.as("viewer")
        .accept("application/xml")
        .get("/api/v1/invoices/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"));
  }

  private String creditNote(String invoiceId, String amount) {
    return api.erp()
        .body(
            Map.of(
                "number",
                "AV-" + UUID.randomUUID().toString().substring(0, 8),
                "amount",
                new BigDecimal(amount),
                "issuedOn",
                "2026-11-20",
                "reason",
                "2 boxes delivered damaged"))
        .post("/api/v1/invoices/" + invoiceId + "/credit-notes")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aCreditNoteComesAsCiiUblAndFacturXNamingItsInvoice() {
    String id =
        invoice(
            "EUR",
            List.of(line("Croissants", 120, "0.95", "5.5"), line("Consulting", 3, "333.33", "20")));
    String number = get(id, "application/json").path("number");
    String creditNoteId = creditNote(id, "150.00");
    String path = "/api/v1/invoices/" + id + "/credit-notes/" + creditNoteId;

    Response cii = api.as("viewer").accept("application/xml").get(path);
    cii.then().statusCode(200).contentType(containsString("application/xml"));
    assertThat(errors(cii.asByteArray())).isEmpty();
    assertThat(cii.asString())
        .contains("<ram:TypeCode>381</ram:TypeCode>")
        .contains("<ram:IssuerAssignedID>" + number + "</ram:IssuerAssignedID>")
        .contains("<ram:DuePayableAmount>150.00</ram:DuePayableAmount>");

    Response ubl = api.as("viewer").accept("application/xml").queryParam("syntax", "UBL").get(path);
    ubl.then().statusCode(200).contentType(containsString("application/xml"));
    byte[] ublBytes = ubl.asByteArray();
    assertThat(
            validator
                .validate(
                    En16931Validator.Kind.UBL_CREDIT_NOTE, ublBytes, SecureXml.parse(ublBytes))
                .errors())
        .isEmpty();
    assertThat(ubl.asString()).contains("<cbc:CreditNoteTypeCode>381").contains(number);

    Response pdf = api.as("viewer").accept("application/pdf").get(path);
    pdf.then().statusCode(200).contentType(containsString("application/pdf"));
    assertThat(errors(FacturX.embeddedXml(pdf.asByteArray(), 5_000_000))).isEmpty();

    api.as("viewer").get(path).then().statusCode(200).body("id", equalTo(creditNoteId));
    api.as("viewer")
        .accept("application/xml")
        .queryParam("syntax", "PDF")
        .get(path)
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"));
    api.as("viewer")
        .accept("application/xml")
        .get("/api/v1/invoices/" + id + "/credit-notes/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void anExemptInvoiceKeepsItsCategoryAndReasonAndExportsValid() {
    Map<String, Object> exempt = new java.util.HashMap<>(line("Training", 2, "400.00", "0"));
    exempt.put("vatCategory", "E");
    exempt.put("vatExemptionReason", "Exonération de TVA, article 261-4-4° du CGI");
    String id = invoice("EUR", List.of(exempt, line("Books", 1, "20.00", "5.5")));
    Response json = get(id, "application/json");
    assertThat(json.jsonPath().getString("lines[0].vatCategory")).isEqualTo("E");
    assertThat(json.jsonPath().getString("lines[0].vatExemptionReason")).startsWith("Exonération");
    assertThat(json.jsonPath().getString("lines[1].vatCategory")).isEqualTo("S");
    Response xml = get(id, "application/xml");
    assertCiiMatchesJson(id, xml.asByteArray(), "EUR");
    assertThat(xml.asString()).contains("<ram:CategoryCode>E</ram:CategoryCode>");
  }

  @Test
  void anIntraEuSupplyWithoutTheBuyersVatIdIsRefusedNamingTheField() {
    Map<String, Object> k = new java.util.HashMap<>(line("Machine", 1, "9000.00", "0"));
    k.put("vatCategory", "K");
    Map<String, Object> body = TestLedger.invoiceBody(api.customer(), "2026-11-02");
    body.put("lines", List.of(k));
    api.erp()
        .body(body)
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("errors.field", org.hamcrest.Matchers.hasItem("buyerVatId"));
    body.put("buyerVatId", "DE123456789");
    String id =
        api.erp().body(body).post("/api/v1/invoices").then().statusCode(201).extract().path("id");
    Response xml = get(id, "application/xml");
    assertCiiMatchesJson(id, xml.asByteArray(), "EUR");
    assertThat(xml.asString())
        .contains("DE123456789")
        .contains("<ram:CategoryCode>K</ram:CategoryCode>");
  }
}
