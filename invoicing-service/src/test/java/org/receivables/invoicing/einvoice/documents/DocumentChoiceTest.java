package org.receivables.invoicing.einvoice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceDocumentPublished;

class DocumentChoiceTest {

  private static final byte[] RECEIVED =
      "%PDF-received-from-the-seller".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GENERATED = "%PDF-generated".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theReceivedFacturXWinsAndNothingIsRendered() {
    AtomicInteger rendered = new AtomicInteger();
    DocumentChoice.Choice c =
        DocumentChoice.choose(
            Optional.of(RECEIVED),
            () -> {
              rendered.incrementAndGet();
              return Optional.of(GENERATED);
            },
            100);
    assertThat(c.origin()).isEqualTo(InvoiceDocumentPublished.RECEIVED);
    assertThat(c.pdf()).isEqualTo(RECEIVED);
    assertThat(rendered).hasValue(0);
  }

  @Test
  void aReceivedPdfOverTheCapIsReplacedByTheGeneratedOne() {
    DocumentChoice.Choice c =
        DocumentChoice.choose(Optional.of(RECEIVED), () -> Optional.of(GENERATED), 13);
    assertThat(RECEIVED.length).isGreaterThan(14);
    assertThat(GENERATED.length).isEqualTo(14);
    assertThat(c.publishes()).isFalse();
    assertThat(c.skipped()).contains("over 13");

    DocumentChoice.Choice fits =
        DocumentChoice.choose(Optional.of(RECEIVED), () -> Optional.of(GENERATED), 14);
    assertThat(fits.origin()).isEqualTo(InvoiceDocumentPublished.GENERATED);
    assertThat(fits.pdf()).isEqualTo(GENERATED);
  }

  @Test
  void withoutSellerAndWithoutReceivedPdfNothingIsPublished() {
    DocumentChoice.Choice c = DocumentChoice.choose(Optional.empty(), Optional::empty, 100);
    assertThat(c.publishes()).isFalse();
    assertThat(c.skipped()).contains("no seller");
    assertThat(DocumentChoice.choose(Optional.empty(), () -> Optional.of(GENERATED), 100).origin())
        .isEqualTo(InvoiceDocumentPublished.GENERATED);
  }

  @Test
  void theEventCarriesTheBytesInBase64WithTheirDigestAndASafeFileName() {
    DocumentChoice.Choice c = DocumentChoice.choose(Optional.of(RECEIVED), Optional::empty, 100);
    InvoiceDocumentPublished e = DocumentChoice.event("acme", "c-1", "i-1", "F 2026/01", c);
    assertThat(Base64.getDecoder().decode(e.content())).isEqualTo(RECEIVED);
    assertThat(e.sha256()).hasSize(64).isEqualTo(DocumentChoice.sha256(RECEIVED));
    assertThat(e.fileName()).isEqualTo("invoice-F_2026_01.pdf");
    assertThat(e.key()).isEqualTo("acme:c-1");
    assertThat(DocumentChoice.fileName(null)).isEqualTo("invoice-document.pdf");
  }
}
