package org.receivables.invoicing.einvoice.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class NodesTest {

  private static final String DOC =
      """
      <ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
          xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
          xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
          xmlns:other="urn:example:other">
        <cbc:ID> INV-1 </cbc:ID>
        <other:ID>not this one</other:ID>
        <cbc:Note>first</cbc:Note>
        <cbc:Note>   </cbc:Note>
        <cbc:Note>second</cbc:Note>
        <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode></cac:PaymentMeans>
        <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
          <cbc:PaymentID>RF18</cbc:PaymentID></cac:PaymentMeans>
        <cac:Party>
          <cac:PartyTaxScheme><cbc:CompanyID>GB1</cbc:CompanyID>
            <cac:TaxScheme><cbc:ID>GST</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
          <cac:PartyTaxScheme><cbc:CompanyID>FR2</cbc:CompanyID>
            <cac:TaxScheme><cbc:ID> VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
          <cac:PartyTaxScheme><cbc:CompanyID>FR3</cbc:CompanyID>
            <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
        </cac:Party>
        <cac:TaxTotal><cbc:TaxAmount currencyID="USD">12.00</cbc:TaxAmount></cac:TaxTotal>
        <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">10.50</cbc:TaxAmount>
          <cac:TaxSubtotal><cbc:TaxAmount>4.00</cbc:TaxAmount></cac:TaxSubtotal>
          <cac:TaxSubtotal><cbc:TaxAmount>6.50</cbc:TaxAmount></cac:TaxSubtotal></cac:TaxTotal>
        <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:LineExtensionAmount>x1</cbc:LineExtensionAmount>
          <cac:Item><cbc:Name>A</cbc:Name></cac:Item></cac:InvoiceLine>
        <cac:InvoiceLine><cbc:ID>2</cbc:ID><cac:Item><cbc:Name>B</cbc:Name></cac:Item></cac:InvoiceLine>
      </ubl:Invoice>
      """;

  private static final List<String> EXPRESSIONS =
      List.of(
          "cbc:ID",
          "cbc:Note",
          "cbc:Missing",
          "cac:PaymentMeans/cbc:PaymentMeansCode",
          "cac:PaymentMeans/cbc:PaymentID",
          "cac:Party/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID",
          "cac:Party/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='GST']/cbc:CompanyID",
          "cac:TaxTotal/cbc:TaxAmount[@currencyID='EUR']",
          "cac:TaxTotal/cbc:TaxAmount[@currencyID='JPY']",
          "cac:TaxTotal/cac:TaxSubtotal",
          "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount",
          "cac:InvoiceLine",
          "cac:InvoiceLine/cac:Item/cbc:Name");

  private final Nodes nodes = new Nodes();
  private final Element root =
      SecureXml.parse(DOC.getBytes(StandardCharsets.UTF_8)).getDocumentElement();

  @Test
  void findsWhatTheJdkXPathFindsForEveryKindOfPathTheReadersUse() throws Exception {
    XPath xpath = XPathFactory.newDefaultInstance().newXPath();
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return Nodes.PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
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
    List<Node> contexts = new ArrayList<>(List.of(root));
    contexts.addAll(nodes.nodes(root, "cac:InvoiceLine"));
    for (Node context : contexts) {
      for (String expression : EXPRESSIONS) {
        NodeList expected = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
        List<Node> actual = nodes.nodes(context, expression);
        assertThat(actual).as(expression).hasSize(expected.getLength());
        for (int i = 0; i < actual.size(); i++) {
          assertThat(actual.get(i)).as(expression + " #" + i).isSameAs(expected.item(i));
        }
        assertThat(nodes.node(context, expression))
            .as(expression)
            .isSameAs(xpath.evaluate(expression, context, XPathConstants.NODE));
      }
    }
  }

  @Test
  void readsTrimmedTextsAndSkipsBlankOnes() {
    assertThat(nodes.text(root, "cbc:ID")).isEqualTo("INV-1");
    assertThat(nodes.text(root, "cbc:Missing")).isNull();
    assertThat(nodes.texts(root, "cbc:Note")).containsExactly("first", "second");
    assertThat(nodes.text(root, "cac:PaymentMeans/cbc:PaymentID")).isEqualTo("RF18");
    // compared untrimmed, as XPath compares string values
    assertThat(
            nodes.text(
                root, "cac:Party/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"))
        .isEqualTo("FR3");
  }

  @Test
  void readsDecimalsAndRefusesOneThatIsNotANumberNamingItsTerm() {
    assertThat(nodes.decimal(root, "cac:TaxTotal/cbc:TaxAmount[@currencyID='EUR']", "BT-110"))
        .isEqualByComparingTo("10.50");
    assertThat(nodes.decimal(root, "cbc:Missing", "BT-1")).isNull();
    Node line = nodes.node(root, "cac:InvoiceLine");
    assertThatThrownBy(() -> nodes.decimal(line, "cbc:LineExtensionAmount", "BT-131"))
        .isInstanceOfSatisfying(
            EInvoiceRejection.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.errors())
                  .extracting(EInvoiceRejection.RuleError::rule)
                  .containsExactly("BT-131");
            });
  }

  @Test
  void refusesPathsOutsideTheSupportedSubset() {
    for (String expression :
        List.of("", "ID", "x:ID", "cbc:", "//cbc:ID", "cbc:ID[1]", "cbc:ID[@a=\"b\"]", "cbc:ID/")) {
      assertThatThrownBy(() -> nodes.node(root, expression))
          .as(expression)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
