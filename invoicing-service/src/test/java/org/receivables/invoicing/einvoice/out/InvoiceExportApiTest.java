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
}
