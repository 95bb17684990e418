package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cash application through the gateway: an invoice's payment reference in a camt.053 transfer pays
 * it, the same statement again changes nothing, and the over-payment shows on the balance.
 */
class CashApplicationIT {

  private static final String GATEWAY =
      System.getProperty("suite.gateway.url", "http://127.0.0.1:8080");

  private static RequestSpecification acme() {
    return given()
        .baseUri(GATEWAY)
        .header("X-API-Key", "acme-admin-key")
        .contentType(ContentType.JSON);
  }

  private static JsonPath read(String path) {
    return given()
        .baseUri(GATEWAY)
        .header("X-API-Key", "acme-viewer-key")
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aTransferQuotingThePaymentReferencePaysTheInvoiceOnce() {
    String customer =
        acme()
            .body(Fixtures.customer("CASH-" + UUID.randomUUID(), "Boulangerie Martin"))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String invoice =
        acme()
            .body(
                Fixtures.invoice(
                    customer,
                    "CASH-" + UUID.randomUUID(),
                    "2026-10-01",
                    "Pain",
                    new BigDecimal("100")))
            .post("/api/v1/invoices")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String reference = read("/api/v1/invoices/" + invoice).getString("paymentReference");
    assertThat(reference).startsWith("RF");

    String ref = "IT-" + UUID.randomUUID();
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>"
            + "<GrpHdr><MsgId>M-"
            + ref
            + "</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>"
            + "<Stmt><Id>S-"
            + ref
            + "</Id><CreDtTm>2026-11-30T18:00:00</CreDtTm>"
            + "<Acct><Id><IBAN>FR7630004000010000000000001</IBAN></Id><Ccy>EUR</Ccy></Acct>"
            + "<Ntry><NtryRef>"
            + ref
            + "</NtryRef><Amt Ccy=\"EUR\">150.00</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
            + "<BookgDt><Dt>2026-11-28</Dt></BookgDt><NtryDtls><TxDtls><RmtInf><Ustrd>"
            + reference
            + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>";
    String id =
        acme()
            .contentType("application/xml")
            .body(xml)
            .post("/api/v1/bank-statements")
            .then()
            .statusCode(201)
            .body("matched", equalTo(1))
            .extract()
            .path("id");
    acme()
        .contentType("application/xml")
        .body(xml)
        .post("/api/v1/bank-statements")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));

    assertThat(read("/api/v1/invoices/" + invoice).getString("status")).isEqualTo("PAID");
    JsonPath entries = read("/api/v1/bank-statements/" + id + "/entries?status=MATCHED");
    assertThat(entries.getString("items[0].allocations[0].invoiceId")).isEqualTo(invoice);
    JsonPath balance = read("/api/v1/customers/" + customer + "/balance");
    assertThat(new BigDecimal(balance.getString("unappliedCash"))).isEqualByComparingTo("30.00");
    assertThat(new BigDecimal(balance.getString("balance"))).isEqualByComparingTo("-30.00");
  }
}
