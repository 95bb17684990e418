package org.receivables.invoicing.einvoice.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with everything that reaches outside the bytes turned off: a
 * document type declaration is refused outright (which also rules out internal entity expansion
 * such as "billion laughs"), external entities, external DTDs and schemas cannot be loaded, and
 * XInclude is off. An e-invoice never needs any of these (EN 16931 syntaxes have no DTD).
 */
public final class SecureXml {

  /** Deepest nesting accepted; UBL and CII invoices stay well under 30. */
  static final int MAX_ELEMENT_DEPTH = 100;

  private static final String MAX_DEPTH =
      "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
  private static final DocumentBuilderFactory FACTORY = factory();

  private SecureXml() {}

  /** The parsed document, or a 400 saying why the bytes are not acceptable XML. */
  public static Document parse(byte[] bytes) {
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
          });
      builder.setErrorHandler(SILENT);
      InputSource source = new InputSource(new ByteArrayInputStream(bytes));
      return builder.parse(source);
    } catch (SAXParseException e) {
      throw EInvoiceRejection.unreadable(describe(e));
    } catch (SAXException e) {
      throw EInvoiceRejection.unreadable("not well-formed XML: " + e.getMessage());
    } catch (IOException e) {
      // malformed byte sequences in the declared encoding surface as IO errors
      throw EInvoiceRejection.unreadable("not readable as XML text: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(SAXParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("DOCTYPE") || message.contains("doctype")) {
      return "document type declarations (DTD) and entity declarations are not accepted (line "
          + e.getLineNumber()
          + ")";
    }
    return "not well-formed XML at line "
        + e.getLineNumber()
        + ", column "
        + e.getColumnNumber()
        + ": "
        + message;
  }

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static DocumentBuilderFactory factory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // EN 16931 documents are a few levels deep; a deeper one only aims at the stack of whatever
      // walks the tree next
      f.setAttribute(MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
