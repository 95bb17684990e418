package org.receivables.invoicing.einvoice.read;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.receivables.invoicing.einvoice.EInvoiceRejection;

/**
 * Reads the XML invoice embedded in a Factur-X / ZUGFeRD 2.x PDF (PDF/A-3 with an attachment named
 * factur-x.xml, zugferd-invoice.xml or xrechnung.xml). PDFBox only reads the file's structure here:
 * it renders nothing and follows no link.
 */
public final class FacturX {

  static final Set<String> NAMES = Set.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml");

  private FacturX() {}

  public static boolean isPdf(byte[] bytes) {
    return bytes.length >= 5
        && bytes[0] == '%'
        && bytes[1] == 'P'
        && bytes[2] == 'D'
        && bytes[3] == 'F'
        && bytes[4] == '-';
  }

  public static byte[] embeddedXml(byte[] pdf, int maxBytes) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDEmbeddedFilesNameTreeNode tree =
          new PDDocumentNameDictionary(document.getDocumentCatalog()).getEmbeddedFiles();
      byte[] found = tree == null ? null : find(tree, maxBytes);
      if (found == null) {
        throw EInvoiceRejection.unreadable(
            "the PDF carries no Factur-X/ZUGFeRD invoice (no factur-x.xml attachment)");
      }
      return found;
    } catch (IOException e) {
      throw EInvoiceRejection.unreadable("not a readable PDF: " + e.getMessage());
    }
  }

  private static byte[] find(PDNameTreeNode<PDComplexFileSpecification> node, int maxBytes)
      throws IOException {
    Map<String, PDComplexFileSpecification> names = node.getNames();
    if (names != null) {
      for (Map.Entry<String, PDComplexFileSpecification> entry : names.entrySet()) {
        String name = entry.getKey().toLowerCase(Locale.ROOT);
        PDComplexFileSpecification spec = entry.getValue();
        String fileName = spec.getFilename() == null ? name : spec.getFilename().toLowerCase();
        if (NAMES.contains(name) || NAMES.contains(fileName)) {
          PDEmbeddedFile file = spec.getEmbeddedFile();
          if (file == null) {
            continue;
          }
          byte[] bytes = file.toByteArray();
          if (bytes.length > maxBytes) {
            throw new EInvoiceRejection(
                413,
                "Payload too large",
                "the embedded XML exceeds " + maxBytes + " bytes",
                java.util.List.of());
          }
          return bytes;
        }
      }
    }
    if (node.getKids() != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
        byte[] found = find(kid, maxBytes);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
