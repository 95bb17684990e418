package org.receivables.dunning.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.dunning.GreenMail;
import org.receivables.events.InvoiceDocumentPublished;
import org.receivables.events.InvoiceDocumentsErased;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.Topics;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.KafkaWriter;

/**
 * Invoice PDFs from invoicing's documents topic (real broker) reach the debtor attached to the
 * e-mail reminder (read back from GreenMail); a missing one is requested from invoicing and, with
 * the test profile's zero wait, does not hold the reminder back and is noted on the case; a tenant
 * may switch attachments off (and asks for nothing); an erasure deletes the copies.
 */
@QuarkusTest
class InvoicePdfAttachmentTest extends DunningFlowSupport {

  @Inject EntityManager em;

  /** A PDF-looking file whose text the test can find again once the mail is decoded. */
  private static byte[] pdf(String marker) {
    return ("%PDF-1.7\n% invoice test document " + marker + " of the attachment test\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private void publishPdf(InvoiceIssued invoice, String marker) {
    publishPdf(tenant, invoice, pdf(marker));
  }

  /** Publishes the PDF of the invoice on the documents topic, as invoicing does. */
  static void publishPdf(String tenant, InvoiceIssued invoice, byte[] pdf) {
    KafkaWriter.publish(
        Topics.INVOICING_DOCUMENTS,
        UUID.randomUUID().toString(),
        new InvoiceDocumentPublished(
            tenant,
            invoice.customerId(),
            invoice.invoiceId(),
            invoice.number(),
            "invoice-" + invoice.number() + ".pdf",
            "application/pdf",
            InvoiceDocumentPublished.GENERATED,
            null,
            Base64.getEncoder().encodeToString(pdf)));
  }

  /** The decoded body of the MIME part named {@code fileName}, or null when there is none. */
  static String attachment(String mime, String fileName) {
    String text = mime.replace("\r\n", "\n");
    int named = text.indexOf("name=\"" + fileName + "\"");
    if (named < 0) {
      named = text.indexOf("name=" + fileName);
    }
    if (named < 0) {
      return null;
    }
    int body = text.indexOf("\n\n", named);
    StringBuilder base64 = new StringBuilder();
    for (String line : text.substring(body + 2).split("\n")) {
      if (line.startsWith("--")) {
        break;
      }
      base64.append(line.trim());
    }
    return new String(Base64.getMimeDecoder().decode(base64.toString()), StandardCharsets.US_ASCII);
  }

  private long storedDocuments(String customerId) {
    return TenantScope.call(
        tenant,
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        ((Number)
                                em.createNativeQuery(
                                        "select count(*) from invoice_document where customer_id"
                                            + " = :c")
                                    .setParameter("c", customerId)
                                    .getSingleResult())
                            .longValue()));
  }

  /** The tenant's requests to invoicing for PDFs, by invoice. */
  static List<String> requested(EntityManager em, String tenant) {
    return TenantScope.call(
        tenant,
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em
                            .createNativeQuery("select invoice_id from invoice_document_request")
                            .getResultList()
                            .stream()
                            .map(String::valueOf)
                            .toList()));
  }

  private List<String> requested() {
    return requested(em, tenant);
  }

  @Test
  void theReminderCarriesThePdfsItHasAndIsSentWithoutTheOneMissing() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued withPdf = invoice(c, "500.00", AS_OF.minusDays(2));
    InvoiceIssued withoutPdf = invoice(c, "300.00", AS_OF.minusDays(1));
    String marker = "M" + UUID.randomUUID();
    publishPdf(withPdf, marker);
    awaitReplica(withPdf, withoutPdf);
    await(() -> storedDocuments(c) == 1, "the PDF in dunning's copy");

    assertThat(run(AS_OF).getInt("remindersSent")).isEqualTo(1);

    assertThat(GreenMail.inbox(email))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.text())
                  .contains("application/pdf")
                  .doesNotContain("invoice-" + withoutPdf.number() + ".pdf");
              assertThat(attachment(m.text(), "invoice-" + withPdf.number() + ".pdf"))
                  .isEqualTo(new String(pdf(marker), StandardCharsets.US_ASCII));
            });
    assertThat(timelineKinds(c)).contains("REMINDER_SENT");
    assertThat(timelineKinds(c)).filteredOn(InvoiceDocuments.MISSING::equals).hasSize(1);
    String note =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/customers/" + c + "/timeline")
            .then()
            .extract()
            .jsonPath()
            .getString("items.find { it.kind == '" + InvoiceDocuments.MISSING + "' }.summary");
    assertThat(note).contains(withoutPdf.number()).doesNotContain(withPdf.number());
    // the missing one was asked for (this profile never holds a reminder for it)
    assertThat(requested()).containsExactly(withoutPdf.invoiceId());
  }

  @Test
  void aTenantThatSwitchedAttachmentsOffSendsTheReminderAlone() {
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("attachInvoicePdf", false))
        .put("/api/v1/dunning/creditor-profile")
        .then()
        .statusCode(200)
        .body("attachInvoicePdf", org.hamcrest.Matchers.equalTo(false));
    String email = mail();
    String c = customer(email, null, "en");
    InvoiceIssued invoice = invoice(c, "250.00", AS_OF.minusDays(2));
    String marker = "M" + UUID.randomUUID();
    publishPdf(invoice, marker);
    awaitReplica(invoice);
    await(() -> storedDocuments(c) == 1, "the PDF in dunning's copy");

    assertThat(run(AS_OF).getInt("remindersSent")).isEqualTo(1);

    assertThat(GreenMail.inbox(email))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.text())
                    .contains(invoice.number())
                    .doesNotContain(marker)
                    .doesNotContain("invoice-" + invoice.number() + ".pdf"));
    assertThat(timelineKinds(c)).doesNotContain(InvoiceDocuments.MISSING);
    assertThat(requested()).isEmpty();
  }

  @Test
  void theCustomersErasureDeletesItsPdfs() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued invoice = invoice(c, "250.00", AS_OF.minusDays(2));
    publishPdf(invoice, "M" + UUID.randomUUID());
    await(() -> storedDocuments(c) == 1, "the PDF in dunning's copy");

    KafkaWriter.publish(
        Topics.INVOICING_DOCUMENTS,
        UUID.randomUUID().toString(),
        new InvoiceDocumentsErased(tenant, c, "REQUEST", Instant.now()));

    await(() -> storedDocuments(c) == 0, "the PDF deleted");
  }
}
