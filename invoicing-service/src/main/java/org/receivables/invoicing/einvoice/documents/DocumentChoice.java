package org.receivables.invoicing.einvoice.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.receivables.events.InvoiceDocumentPublished;

/**
 * Which PDF stands for an invoice on the documents topic: the Factur-X it was received as (the
 * seller's own document, byte for byte) when it fits the size cap, else the Factur-X rendered from
 * the ledger, else none. A plain rule so that its cases are tested without rendering or a broker.
 */
public final class DocumentChoice {

  /** A PDF to publish, or the reason there is none. */
  public record Choice(String origin, byte[] pdf, String skipped) {

    public boolean publishes() {
      return pdf != null;
    }
  }

  private DocumentChoice() {}

  /**
   * @param received the PDF the invoice was received as, if it came as a Factur-X
   * @param generated renders the invoice; empty when the tenant has no seller to print
   * @param maxBytes the cap on what the topic carries
   */
  public static Choice choose(
      Optional<byte[]> received, Supplier<Optional<byte[]>> generated, int maxBytes) {
    if (received.isPresent() && received.get().length <= maxBytes) {
      return new Choice(InvoiceDocumentPublished.RECEIVED, received.get(), null);
    }
    Optional<byte[]> rendered = generated.get();
    if (rendered.isEmpty()) {
      return new Choice(
          null,
          null,
          received.isPresent()
              ? "the received PDF exceeds " + maxBytes + " bytes and the tenant has no seller"
              : "the tenant has no seller configured and the invoice did not come as a PDF");
    }
    if (rendered.get().length > maxBytes) {
      return new Choice(
          null,
          null,
          "the generated PDF has " + rendered.get().length + " bytes, over " + maxBytes);
    }
    return new Choice(InvoiceDocumentPublished.GENERATED, rendered.get(), null);
  }

  /** The event carrying the chosen PDF. */
  public static InvoiceDocumentPublished event(
      String tenantId, String customerId, String invoiceId, String number, Choice choice) {
    return new InvoiceDocumentPublished(
        tenantId,
        customerId,
        invoiceId,
        number,
        fileName(number),
        "application/pdf",
        choice.origin(),
        sha256(choice.pdf()),
        Base64.getEncoder().encodeToString(choice.pdf()));
  }

  /** {@code invoice-<number>.pdf}, with what a mail client or file system may refuse replaced. */
  static String fileName(String number) {
    String safe = number == null ? "" : number.replaceAll("[^A-Za-z0-9._-]", "_");
    return "invoice-" + (safe.isBlank() ? "document" : safe) + ".pdf";
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
