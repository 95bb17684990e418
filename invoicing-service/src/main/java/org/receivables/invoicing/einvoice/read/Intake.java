package org.receivables.invoicing.einvoice.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.receivables.invoicing.einvoice.EInvoiceConfig;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.EInvoiceRejection.RuleError;
import org.receivables.invoicing.einvoice.validate.En16931Validator;
import org.receivables.invoicing.einvoice.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * From request bytes to a validated document, outside any database transaction: PDF or XML is told
 * from the content (never from a parameter), the syntax from the root element, then the official EN
 * 16931 schema and Schematron decide; only a valid document is read.
 */
@ApplicationScoped
public class Intake {

  /** A document that passed EN 16931 validation, with the bytes to keep. */
  public record Received(
      EDocument document, byte[] original, String mediaType, List<RuleError> warnings) {}

  static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
  static final String CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

  @Inject En16931Validator validator;
  @Inject EInvoiceConfig config;

  public Received receive(byte[] body) {
    if (body == null || body.length == 0) {
      throw EInvoiceRejection.unreadable("the body is empty; send a UBL, CII or Factur-X document");
    }
    if (body.length > config.maxBytes()) {
      throw new EInvoiceRejection(
          413,
          "Payload too large",
          "the document has "
              + body.length
              + " bytes; at most "
              + config.maxBytes()
              + " are accepted",
          List.of());
    }
    boolean pdf = FacturX.isPdf(body);
    byte[] xml = pdf ? FacturX.embeddedXml(body, config.maxBytes()) : body;
    Document dom = SecureXml.parse(xml);
    Element root = dom.getDocumentElement();
    En16931Validator.Kind kind = kindOf(root);
    En16931Validator.Result result = validator.validate(kind, xml, dom);
    if (!result.valid()) {
      throw EInvoiceRejection.rules(result.errors());
    }
    EDocument document =
        kind == En16931Validator.Kind.CII ? CiiReader.read(root) : UblReader.read(root);
    return new Received(
        document, body, pdf ? "application/pdf" : "application/xml", result.warnings());
  }

  static En16931Validator.Kind kindOf(Element root) {
    String ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
    String name = root.getLocalName();
    if (UBL_INVOICE.equals(ns) && "Invoice".equals(name)) {
      return En16931Validator.Kind.UBL_INVOICE;
    }
    if (UBL_CREDIT_NOTE.equals(ns) && "CreditNote".equals(name)) {
      return En16931Validator.Kind.UBL_CREDIT_NOTE;
    }
    if (CII.equals(ns) && "CrossIndustryInvoice".equals(name)) {
      return En16931Validator.Kind.CII;
    }
    throw EInvoiceRejection.unreadable(
        "not an EN 16931 invoice: the root element is {"
            + ns
            + "}"
            + name
            + "; expected a UBL 2.1 Invoice or CreditNote, or a CII D16B CrossIndustryInvoice");
  }
}
