package org.receivables.invoicing.einvoice.out;

import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Pins the JAXP factories that discovery finds, by name, in the system properties JAXP reads first.
 * XMPBox and Mustang create a factory per PDF with {@code newInstance()}, and each discovery walked
 * every jar's service files and re-verified the signed ones: a quarter of an e-invoice's ingest.
 * The provider stays the one discovery chose; only the search is done once.
 */
final class XmlProviders {

  private XmlProviders() {}

  /** Called from {@link FacturXWriter}'s class initialiser, so once per class loader. */
  static void pin() {
    pin(TransformerFactory.class, TransformerFactory::newInstance);
    pin(SAXParserFactory.class, SAXParserFactory::newInstance);
    pin(DocumentBuilderFactory.class, DocumentBuilderFactory::newInstance);
  }

  private static void pin(Class<?> api, Supplier<?> discover) {
    if (System.getProperty(api.getName()) == null) {
      System.setProperty(api.getName(), discover.get().getClass().getName());
    }
  }
}
