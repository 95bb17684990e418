package org.receivables.invoicing.einvoice.xml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XPath reads over a parsed document with the UBL and CII prefixes bound. A value that is present
 * but not a number is reported as a 422 naming the term, never as a server error.
 */
public final class Nodes {

  private static final Map<String, String> PREFIXES =
      Map.of(
          "ubl", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
          "cn", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
          "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
          "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
          "rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
          "ram",
              "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
          "udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");

  private final XPath xpath;

  public Nodes() {
    try {
      XPathFactory factory = XPathFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      xpath = factory.newXPath();
    } catch (XPathFactoryConfigurationException e) {
      throw new IllegalStateException(e);
    }
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
          }

          @Override
          public String getPrefix(String uri) {
            return null;
          }

          @Override
          public Iterator<String> getPrefixes(String uri) {
            return List.<String>of().iterator();
          }
        });
  }

  /** The trimmed text of the first match, or null when absent or blank. */
  public String text(Node context, String expression) {
    Node node = node(context, expression);
    if (node == null) {
      return null;
    }
    String value = node.getTextContent().strip();
    return value.isEmpty() ? null : value;
  }

  public Node node(Node context, String expression) {
    try {
      return (Node) xpath.evaluate(expression, context, XPathConstants.NODE);
    } catch (XPathExpressionException e) {
      throw new IllegalStateException(expression, e);
    }
  }

  public List<Node> nodes(Node context, String expression) {
    try {
      NodeList list = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
      List<Node> result = new ArrayList<>(list.getLength());
      for (int i = 0; i < list.getLength(); i++) {
        result.add(list.item(i));
      }
      return result;
    } catch (XPathExpressionException e) {
      throw new IllegalStateException(expression, e);
    }
  }

  public List<String> texts(Node context, String expression) {
    return nodes(context, expression).stream()
        .map(n -> n.getTextContent().strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** A decimal term, or null when absent; {@code term} names it in the refusal. */
  public BigDecimal decimal(Node context, String expression, String term) {
    String value = text(context, expression);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw EInvoiceRejection.rule(term, "'" + shorten(value) + "' is not a decimal", expression);
    }
  }

  static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
