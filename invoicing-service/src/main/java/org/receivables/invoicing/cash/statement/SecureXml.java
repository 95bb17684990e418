package org.receivables.invoicing.cash.statement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded XML document with DTDs refused outright: a statement never needs one, and a
 * DOCTYPE is how entity expansion and external entities get in. Nothing is fetched from outside.
 */
public final class SecureXml {

  private SecureXml() {}

  public static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are refused");
          });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("DOCTYPE")) {
        throw new StatementFormatException("XML with a DOCTYPE (DTD) is refused");
      }
      throw new StatementFormatException(
          "not well-formed XML (line " + e.getLineNumber() + "): " + msg);
    } catch (SAXException e) {
      throw new StatementFormatException("XML refused: " + e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new StatementFormatException("XML cannot be read: " + e.getMessage(), e);
    }
  }
}
