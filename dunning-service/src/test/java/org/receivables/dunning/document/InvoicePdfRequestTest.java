package org.receivables.dunning.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.dunning.GreenMail;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceDocumentRequested;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.PublishedEvents;

/**
 * Dunning's half of a PDF rendered on request (invoicing's half is its InvoiceDocumentRequestTest),
 * on the real broker and mail server: a reminder whose invoice PDF dunning does not hold asks for
 * it on receivables.dunning.v1 and is held; once the PDF arrives on the documents topic (published
 * here as invoicing answers) the e-mail goes out with it attached, without a missing-PDF note.
 */
@QuarkusTest
@TestProfile(InvoicePdfRequestTest.Holding.class)
class InvoicePdfRequestTest extends DunningFlowSupport {

  /** Holds reminders long enough that only the PDF's arrival releases them. */
  public static class Holding implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dunning.documents.max-wait", "PT10M", "dunning.documents.recheck", "0.2s");
    }
  }

  @Inject EntityManager em;

  @Test
  void aReminderAsksForTheMissingPdfAndIsSentWithItOnceItArrives() throws Exception {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued invoice = invoice(c, "420.00", AS_OF.minusDays(3));
    awaitReplica(invoice);

    CompletableFuture<JsonPath> run = CompletableFuture.supplyAsync(() -> run(AS_OF));

    KafkaReader.Received request =
        PublishedEvents.await(
            Topics.DUNNING,
            r ->
                InvoiceDocumentRequested.TYPE.equals(r.headers().get("ce_type"))
                    && invoice.invoiceId().equals(r.headers().get("ce_subject")),
            WAIT);
    assertThat(request.key()).isEqualTo(tenant + ":" + c);
    InvoiceDocumentRequested asked =
        (InvoiceDocumentRequested) EventJson.read(InvoiceDocumentRequested.TYPE, request.value());
    assertThat(asked.number()).isEqualTo(invoice.number());
    // held: the e-mail waits for its PDF (ten minutes at most in this profile)
    assertThat(GreenMail.inbox(email)).isEmpty();
    assertThat(run).isNotDone();

    byte[] pdf =
        ("%PDF-1.7\n% requested document M" + UUID.randomUUID() + "\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    InvoicePdfAttachmentTest.publishPdf(tenant, invoice, pdf);

    assertThat(run.get(WAIT.toSeconds(), TimeUnit.SECONDS).getInt("remindersSent")).isEqualTo(1);
    assertThat(GreenMail.inbox(email))
        .singleElement()
        .satisfies(
            m ->
                assertThat(
                        InvoicePdfAttachmentTest.attachment(
                            m.text(), "invoice-" + invoice.number() + ".pdf"))
                    .isEqualTo(new String(pdf, StandardCharsets.US_ASCII)));
    assertThat(InvoicePdfAttachmentTest.requested(em, tenant)).containsExactly(invoice.invoiceId());
    assertThat(timelineKinds(c)).contains("REMINDER_SENT").doesNotContain(InvoiceDocuments.MISSING);
  }
}
