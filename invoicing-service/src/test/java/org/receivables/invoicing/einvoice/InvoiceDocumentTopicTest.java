package org.receivables.invoicing.einvoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceDocumentPublished;
import org.receivables.events.InvoiceDocumentsErased;
import org.receivables.events.Topics;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.einvoice.read.FacturX;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.PublishedEvents;
import org.receivables.kit.testing.TestTokens;

/**
 * Each issued invoice's PDF leaves on receivables.invoicing.documents.v1 (read from the real
 * broker, checked against the AsyncAPI document): the Factur-X invoicing renders, or the one
 * received, byte for byte; an erasure withdraws the customer's documents on the same topic.
 */
@QuarkusTest
class InvoiceDocumentTopicTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final TestLedger api = new TestLedger();

  @jakarta.inject.Inject org.receivables.invoicing.einvoice.validate.En16931Validator validator;

  private static KafkaReader.Received document(String type, String subject) {
    return PublishedEvents.await(
        Topics.INVOICING_DOCUMENTS,
        r ->
            type.equals(r.headers().get("ce_type"))
                && subject.equals(r.headers().get("ce_subject")),
        WAIT);
  }

  private static InvoiceDocumentPublished published(String invoiceId) {
    return (InvoiceDocumentPublished)
        EventJson.read(
            InvoiceDocumentPublished.TYPE,
            document(InvoiceDocumentPublished.TYPE, invoiceId).value());
  }

  private static byte[] bytes(InvoiceDocumentPublished e) throws Exception {
    byte[] pdf = Base64.getDecoder().decode(e.content());
    assertThat(e.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(e.mediaType()).isEqualTo("application/pdf");
    return pdf;
  }

  @Test
  void anInvoiceIssuedAsJsonHasItsGeneratedFacturXPublished() throws Exception {
    String customer = api.customer();
    String invoice = api.invoice(customer, "2026-01-15", "100");
    String number = api.invoiceJson(invoice).getString("number");

    KafkaReader.Received record = document(InvoiceDocumentPublished.TYPE, invoice);
    assertThat(record.key()).isEqualTo(api.tenant + ":" + customer);
    InvoiceDocumentPublished e = published(invoice);
    assertThat(e.customerId()).isEqualTo(customer);
    assertThat(e.number()).isEqualTo(number);
    assertThat(e.fileName()).isEqualTo("invoice-" + number + ".pdf");
    assertThat(e.origin()).isEqualTo(InvoiceDocumentPublished.GENERATED);
    byte[] pdf = bytes(e);
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String cii = new String(FacturX.embeddedXml(pdf, 5_000_000), StandardCharsets.UTF_8);
    assertThat(cii).contains(number).contains("120.00");
  }

  @Test
  void aFacturXReceivedIsPublishedByteForByte() throws Exception {
    validator.awaitWarm();
    TestDocument d = new TestDocument();
    d.line("5", "20.00", "S", "20");
    byte[] sent = EInvoiceApiTest.facturX(d.cii().getBytes(StandardCharsets.UTF_8));
    String invoice =
        given()
            .header("Authorization", TestTokens.bearer(api.tenant, "erp"))
            .contentType("application/pdf")
            .body(sent)
            .post("/api/v1/e-invoices")
            .then()
            .statusCode(201)
            .extract()
            .path("invoice.id");

    InvoiceDocumentPublished e = published(invoice);
    assertThat(e.origin()).isEqualTo(InvoiceDocumentPublished.RECEIVED);
    assertThat(bytes(e)).isEqualTo(sent);
  }

  @Test
  void erasingTheCustomerWithdrawsItsDocuments() {
    String customer = api.customer();
    api.invoice(customer, "2026-01-15", "100");
    api.as("admin")
        .delete("/api/v1/customers/" + customer + "/personal-data")
        .then()
        .statusCode(204);

    KafkaReader.Received record = document(InvoiceDocumentsErased.TYPE, customer);
    assertThat(record.key()).isEqualTo(api.tenant + ":" + customer);
    assertThat(record.value()).contains("\"reason\":\"REQUEST\"");
  }
}
