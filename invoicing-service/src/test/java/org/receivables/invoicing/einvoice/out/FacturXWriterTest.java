package org.receivables.invoicing.einvoice.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.read.FacturX;
import org.receivables.invoicing.invoice.Invoice;

/** Factur-X: a PDF/A-3 whose attached factur-x.xml is the CII and passes EN 16931. */
class FacturXWriterTest {

  @Test
  void thePdfCarriesTheCiiAsFacturXXmlAndItValidates() throws Exception {
    Invoice inv =
        CiiMappingTest.invoice(
            "EUR",
            List.of(
                CiiMappingTest.line("Croissants", "120", "0.95", "5.5"),
                CiiMappingTest.line("Consulting\tday", "3", "333.33", "20")));
    byte[] xml =
        CiiWriter.xml(CiiMapping.of(inv, CiiMappingTest.customer("FR"), CiiMappingTest.seller()));
    byte[] pdf =
        FacturXWriter.pdf(
            "Invoice " + inv.number,
            EInvoiceExport.text(inv, CiiMappingTest.customer("FR"), CiiMappingTest.seller()),
            xml);

    assertThat(FacturX.isPdf(pdf)).isTrue();
    byte[] attached = FacturX.embeddedXml(pdf, 5_000_000);
    String cii = new String(attached, StandardCharsets.UTF_8);
    assertThat(CiiMappingTest.errors(cii)).isEmpty();
    assertThat(cii).contains(inv.number);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String metadata =
          new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(metadata).contains("<pdfaid:part>3</pdfaid:part>");
      assertThat(metadata).contains("factur-x");
      assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Invoice " + inv.number).contains("RF18539007547034");
    }
  }

  @Test
  void aCharacterTheFontLacksIsDrawnAsAQuestionMark() throws Exception {
    byte[] page = FacturXWriter.page("Invoice \u0007X", List.of("Reçu 東京 ok"));
    try (PDDocument doc = Loader.loadPDF(page)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Reçu").contains("ok");
    }
  }
}
