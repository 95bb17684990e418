package org.receivables.invoicing.einvoice.out;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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

  public static boolean xml(MediaType wanted) {
    return wanted.isCompatible(MediaType.APPLICATION_XML_TYPE);
  }

  public static boolean pdf(MediaType wanted) {
    return wanted.isCompatible(PDF_TYPE);
  }
}
