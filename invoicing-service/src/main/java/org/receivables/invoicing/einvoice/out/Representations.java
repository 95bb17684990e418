package org.receivables.invoicing.einvoice.out;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;
import org.receivables.kit.problem.ProblemException;

/**
 * Content negotiation shared by the invoice and credit note resources: JSON unless the client's
 * first acceptable type (in q order) is XML or PDF, the e-invoice representations.
 */
public final class Representations {

  public static final String PDF = "application/pdf";
  public static final MediaType PDF_TYPE = MediaType.valueOf(PDF);

  private Representations() {}

  /** The representation the client prefers; JSON when it accepts anything. */
  public static MediaType preferred(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return MediaType.APPLICATION_JSON_TYPE;
      }
      if (type.isCompatible(MediaType.APPLICATION_XML_TYPE) || type.isCompatible(PDF_TYPE)) {
        return type;
      }
    }
    return MediaType.APPLICATION_JSON_TYPE;
  }

  /**
   * Whether the {@code syntax} query parameter asks for UBL; CII when absent.
   *
   * @throws ProblemException 400 naming {@code syntax} for anything but CII or UBL
   */
  public static boolean ubl(String syntax) {
    boolean ubl = syntax != null && syntax.equalsIgnoreCase("UBL");
    if (syntax != null && !ubl && !syntax.equalsIgnoreCase("CII")) {
      throw ProblemException.invalid("syntax", "must be CII or UBL");
    }
    return ubl;
  }

  /** A document's XML, in the syntax asked for. */
  @FunctionalInterface
  public interface Xml {
    byte[] write(boolean ubl);
  }

  /**
   * The document's XML (CII or UBL, as {@code syntax} says) or PDF when the client prefers one;
   * empty when it wants JSON. A {@code syntax} that is neither is refused whatever is wanted.
   */
  public static Optional<Response> document(
      HttpHeaders headers, String syntax, Xml xml, Supplier<byte[]> pdf) {
    boolean ubl = ubl(syntax);
    MediaType wanted = preferred(headers);
    if (wanted.isCompatible(MediaType.APPLICATION_XML_TYPE)) {
      return Optional.of(Response.ok(xml.write(ubl), MediaType.APPLICATION_XML_TYPE).build());
    }
    if (wanted.isCompatible(PDF_TYPE)) {
      return Optional.of(Response.ok(pdf.get(), PDF_TYPE).build());
    }
    return Optional.empty();
  }
}
