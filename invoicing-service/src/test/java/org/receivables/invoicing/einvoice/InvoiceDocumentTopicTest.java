package org.receivables.invoicing.einvoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceDocumentPublished;
import org.receivables.events.InvoiceDocumentRequested;
import org.receivables.events.InvoiceDocumentsErased;
import org.receivables.events.Topics;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.einvoice.read.FacturX;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.PublishedEvents;
import org.receivables.kit.testing.TestTokens;

/**
 * The PDF of an invoice dunning asks for (InvoiceDocumentRequested published on the real broker as
 * dunning would) leaves on receivables.invoicing.documents.v1 (read from the broker, checked
 * against the AsyncAPI document): the Factur-X invoicing renders, or the one received, byte for
 * byte. An invoice nobody asks for is never rendered; a request repeated or redelivered renders
 * once. An erasure withdraws the customer's documents on the same topic.
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

  @Inject EntityManager em;

  /** Asks for the invoice's PDF as dunning does, under the given event id. */
  private void request(String eventId, String customerId, String invoiceId) {
    KafkaWriter.publish(
        Topics.DUNNING,
        eventId,
        new InvoiceDocumentRequested(api.tenant, customerId, invoiceId, null, Instant.now()));
  }

  private void request(String customerId, String invoiceId) {
    request(UUID.randomUUID().toString(), customerId, invoiceId);
  }

  private String customerOf(String invoiceId) {
    return api.invoiceJson(invoiceId).getString("customerId");
  }

  /** The invoice's rows in the document queue and among the published. */
  private long queuedOrPublished(String invoiceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select (select count(*) from invoice_document_queue where"
                                    + " invoice_id = :i) + (select count(*) from"
                                    + " invoice_document_published where invoice_id = :i)")
                            .setParameter("i", UUID.fromString(invoiceId))
                            .getSingleResult())
                    .longValue());
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
    request(customer, invoice);

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
    request(customerOf(invoice), invoice);

    InvoiceDocumentPublished e = published(invoice);
    assertThat(e.origin()).isEqualTo(InvoiceDocumentPublished.RECEIVED);
    assertThat(bytes(e)).isEqualTo(sent);
  }

  @Test
  void anInvoiceNobodyAsksForIsNeverRendered() {
    String customer = api.customer();
    String invoice = api.invoice(customer, "2026-01-15", "100");

    // issuing queues nothing: only dunning's request does
    assertThat(queuedOrPublished(invoice)).isZero();
  }

  @Test
  void aRequestRepeatedOrRedeliveredRendersOnce() {
    String customer = api.customer();
    String invoice = api.invoice(customer, "2026-01-15", "100");
    String marker = api.invoice(customer, "2026-01-16", "50");
    String eventId = UUID.randomUUID().toString();
    request(eventId, customer, invoice);
    request(eventId, customer, invoice); // redelivered: same event
    published(invoice); // rendered and published once at least
    request(customer, invoice); // asked again by another reminder: a new event
    request(customer, marker);

    // Same key, so same partition: the marker's request is consumed after the others, queued after
    // any copy they would queue, published after it (one worker, oldest first) and relayed after
    // it (per-key order). Every document of the invoice is on the topic before the marker's.
    int[] documents = {0};
    PublishedEvents.await(
        Topics.INVOICING_DOCUMENTS,
        r -> {
          if (!InvoiceDocumentPublished.TYPE.equals(r.headers().get("ce_type"))) {
            return false;
          }
          if (invoice.equals(r.headers().get("ce_subject"))) {
            documents[0]++;
          }
          return marker.equals(r.headers().get("ce_subject"));
        },
        WAIT);
    assertThat(documents[0]).isEqualTo(1);
  }

  @Test
  void aRequestForAnInvoiceOfAnotherTenantGoesToTheDeadLetterTopic() {
    TestLedger other = new TestLedger();
    String customer = other.customer();
    String invoice = other.invoice(customer, "2026-01-15", "100");
    request(customer, invoice); // in this test's tenant, which has no such invoice

    KafkaReader.Received dead =
        KafkaReader.await(
            Topics.deadLetter(Topics.DUNNING),
            r -> (api.tenant + ":" + customer).equals(r.key()),
            WAIT);
    assertThat(dead.headers().get("ce_type")).isEqualTo(InvoiceDocumentRequested.TYPE);
    assertThat(queuedOrPublished(invoice)).isZero();
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
