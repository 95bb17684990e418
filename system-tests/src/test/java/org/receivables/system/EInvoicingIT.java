package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An ERP posts an EN 16931 UBL invoice through the gateway: it is validated, booked with its own
 * figures, idempotent by seller and number, and its original bytes come back unchanged.
 */
class EInvoicingIT {

  private static final String GATEWAY =
      System.getProperty("suite.gateway.url", "http://127.0.0.1:8080");

  private static RequestSpecification key(String apiKey) {
    return given().baseUri(GATEWAY).header("X-API-Key", apiKey);
  }

  /** A UBL 2.1 invoice written for this test: 10 × 100.00 at 20 %, 200.00 prepaid. */
  private static String invoice(String number, String buyerSiren) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" \
        xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
        <cbc:ID>%s</cbc:ID>
        <cbc:IssueDate>2026-11-02</cbc:IssueDate>
        <cbc:DueDate>2026-12-02</cbc:DueDate>
        <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
        <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
        <cbc:BuyerReference>SYS-77</cbc:BuyerReference>
        <cac:AccountingSupplierParty><cac:Party>\
        <cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
        <cac:PartyTaxScheme><cbc:CompanyID>FR32123456789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>\
        <cac:PartyLegalEntity><cbc:RegistrationName>Minoterie Dupont SA</cbc:RegistrationName></cac:PartyLegalEntity>\
        </cac:Party></cac:AccountingSupplierParty>
        <cac:AccountingCustomerParty><cac:Party>\
        <cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
        <cac:PartyLegalEntity><cbc:RegistrationName>Boulangerie Système</cbc:RegistrationName>\
        <cbc:CompanyID schemeID="0002">%s</cbc:CompanyID></cac:PartyLegalEntity>\
        </cac:Party></cac:AccountingCustomerParty>
        <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>RF18539007547034</cbc:PaymentID>\
        <cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
        <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">200.00</cbc:TaxAmount>\
        <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">1000.00</cbc:TaxableAmount>\
        <cbc:TaxAmount currencyID="EUR">200.00</cbc:TaxAmount>\
        <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>\
        </cac:TaxSubtotal></cac:TaxTotal>
        <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">1000.00</cbc:LineExtensionAmount>\
        <cbc:TaxExclusiveAmount currencyID="EUR">1000.00</cbc:TaxExclusiveAmount>\
        <cbc:TaxInclusiveAmount currencyID="EUR">1200.00</cbc:TaxInclusiveAmount>\
        <cbc:PrepaidAmount currencyID="EUR">200.00</cbc:PrepaidAmount>\
        <cbc:PayableAmount currencyID="EUR">1000.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
        <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="C62">10</cbc:InvoicedQuantity>\
        <cbc:LineExtensionAmount currencyID="EUR">1000.00</cbc:LineExtensionAmount>\
        <cac:Item><cbc:Name>Flour T65</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent>\
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>\
        <cac:Price><cbc:PriceAmount currencyID="EUR">100.00</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
        </Invoice>
        """
        .formatted(number, buyerSiren);
  }

  @Test
  void anEInvoiceIsBookedOnceWithItsOwnFiguresAndKept() {
    String number = "SYS-EI-" + UUID.randomUUID();
    String siren = String.valueOf(100_000_000 + (long) (Math.random() * 899_999_999));
    byte[] document = invoice(number, siren).getBytes(StandardCharsets.UTF_8);

    String id =
        key("acme-admin-key")
            .contentType("application/xml")
            .body(document)
            .post("/api/v1/e-invoices")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/invoices/"))
            .body("kind", equalTo("INVOICE"))
            .body("invoice.number", equalTo(number))
            .body("invoice.totalInclTax", equalTo(1200.00f))
            .body("invoice.outstanding", equalTo(1000.00f))
            .body("document.remittanceInformation", equalTo("RF18539007547034"))
            .extract()
            .path("invoice.id");

    key("acme-admin-key")
        .contentType("application/xml")
        .body(document)
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(200)
        .body("invoice.id", equalTo(id));

    key("acme-viewer-key")
        .get("/api/v1/invoices/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("PARTIALLY_PAID"))
        .body("outstanding", equalTo(1000.00f));
    byte[] kept =
        key("acme-viewer-key")
            .accept("application/xml")
            .get("/api/v1/invoices/" + id + "/document")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(kept).isEqualTo(document);

    // another tenant sees nothing of it
    key("globex-admin-key")
        .accept("application/xml")
        .get("/api/v1/invoices/" + id + "/document")
        .then()
        .statusCode(404);
  }

  @Test
  void brokenOrHostileDocumentsAreRefusedWithProblems() {
    String broken =
        invoice("SYS-EI-" + UUID.randomUUID(), "123456789")
            .replace(
                "<cbc:PayableAmount currencyID=\"EUR\">1000.00<",
                "<cbc:PayableAmount currencyID=\"EUR\">999.00<");
    key("acme-admin-key")
        .contentType("application/xml")
        .body(broken.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.rule", org.hamcrest.Matchers.hasItem("BR-CO-16"));
    key("acme-admin-key")
        .contentType("application/xml")
        .body(
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
                .getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    key("acme-viewer-key")
        .contentType("application/xml")
        .body(invoice("SYS-EI-" + UUID.randomUUID(), "123456789").getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/e-invoices")
        .then()
        .statusCode(403);
  }
}
