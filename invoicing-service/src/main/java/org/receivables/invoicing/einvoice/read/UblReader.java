package org.receivables.invoicing.einvoice.read;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.xml.Nodes;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the business terms of a UBL 2.1 Invoice or CreditNote (EN 16931 UBL binding). */
public final class UblReader {

  private UblReader() {}

  public static EDocument read(Element root) {
    Nodes x = new Nodes();
    boolean creditNoteRoot = root.getLocalName().equals("CreditNote");
    String typeCode =
        x.text(root, creditNoteRoot ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode");
    String currency = x.text(root, "cbc:DocumentCurrencyCode");
    String lineName = creditNoteRoot ? "cac:CreditNoteLine" : "cac:InvoiceLine";
    String quantityName = creditNoteRoot ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity";
    List<EDocument.Line> lines =
        x.nodes(root, lineName).stream()
            .map(
                l ->
                    new EDocument.Line(
                        x.text(l, "cbc:ID"),
                        x.text(l, "cac:Item/cbc:Name"),
                        x.decimal(l, quantityName, "BT-129"),
                        x.decimal(l, "cac:Price/cbc:PriceAmount", "BT-146"),
                        x.decimal(l, "cac:Price/cbc:BaseQuantity", "BT-149"),
                        x.decimal(l, "cbc:LineExtensionAmount", "BT-131"),
                        x.text(l, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"),
                        x.decimal(l, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", "BT-152")))
            .toList();
    List<EDocument.VatSubtotal> vat =
        x.nodes(root, "cac:TaxTotal/cac:TaxSubtotal").stream()
            .map(
                s ->
                    new EDocument.VatSubtotal(
                        x.text(s, "cac:TaxCategory/cbc:ID"),
                        x.decimal(s, "cac:TaxCategory/cbc:Percent", "BT-119"),
                        x.decimal(s, "cbc:TaxableAmount", "BT-116"),
                        x.decimal(s, "cbc:TaxAmount", "BT-117"),
                        x.text(s, "cac:TaxCategory/cbc:TaxExemptionReason")))
            .toList();
    List<EDocument.AllowanceCharge> allowances =
        x.nodes(root, "cac:AllowanceCharge").stream()
            .map(
                a ->
                    new EDocument.AllowanceCharge(
                        "true".equalsIgnoreCase(x.text(a, "cbc:ChargeIndicator")),
                        x.decimal(a, "cbc:Amount", "BT-92"),
                        x.text(a, "cac:TaxCategory/cbc:ID"),
                        x.decimal(a, "cac:TaxCategory/cbc:Percent", "BT-96"),
                        firstNonNull(
                            x.text(a, "cbc:AllowanceChargeReason"),
                            x.text(a, "cbc:AllowanceChargeReasonCode"))))
            .toList();
    Node total = x.node(root, "cac:LegalMonetaryTotal");
    EDocument.Totals totals =
        new EDocument.Totals(
            x.decimal(total, "cbc:LineExtensionAmount", "BT-106"),
            x.decimal(total, "cbc:AllowanceTotalAmount", "BT-107"),
            x.decimal(total, "cbc:ChargeTotalAmount", "BT-108"),
            x.decimal(total, "cbc:TaxExclusiveAmount", "BT-109"),
            x.decimal(root, "cac:TaxTotal/cbc:TaxAmount[@currencyID='" + currency + "']", "BT-110"),
            x.decimal(total, "cbc:TaxInclusiveAmount", "BT-112"),
            x.decimal(total, "cbc:PrepaidAmount", "BT-113"),
            x.decimal(total, "cbc:PayableRoundingAmount", "BT-114"),
            x.decimal(total, "cbc:PayableAmount", "BT-115"));
    String due =
        firstNonNull(
            x.text(root, "cbc:DueDate"), x.text(root, "cac:PaymentMeans/cbc:PaymentDueDate"));
    return new EDocument(
        EDocument.Syntax.UBL,
        creditNoteRoot || TypeCodes.isCredit(typeCode),
        typeCode,
        x.text(root, "cbc:ID"),
        date(x.text(root, "cbc:IssueDate"), "BT-2"),
        date(due, "BT-9"),
        currency,
        party(x, x.node(root, "cac:AccountingSupplierParty/cac:Party")),
        party(x, x.node(root, "cac:AccountingCustomerParty/cac:Party")),
        x.text(root, "cbc:BuyerReference"),
        x.text(root, "cac:OrderReference/cbc:ID"),
        x.text(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"),
        x.text(root, "cac:PaymentTerms/cbc:Note"),
        x.text(root, "cac:PaymentMeans/cbc:PaymentMeansCode"),
        x.text(root, "cac:PaymentMeans/cbc:PaymentID"),
        x.texts(root, "cbc:Note"),
        lines,
        vat,
        allowances,
        totals);
  }

  private static EDocument.Party party(Nodes x, Node p) {
    if (p == null) {
      return new EDocument.Party(null, null, null, null, null, null, null);
    }
    Node legal = x.node(p, "cac:PartyLegalEntity/cbc:CompanyID");
    return new EDocument.Party(
        firstNonNull(
            x.text(p, "cac:PartyLegalEntity/cbc:RegistrationName"),
            x.text(p, "cac:PartyName/cbc:Name")),
        x.text(p, "cac:PartyIdentification/cbc:ID"),
        legal == null ? null : legal.getTextContent().strip(),
        legal == null ? null : attribute(legal, "schemeID"),
        x.text(p, "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"),
        x.text(p, "cac:PostalAddress/cac:Country/cbc:IdentificationCode"),
        x.text(p, "cac:Contact/cbc:ElectronicMail"));
  }

  static String attribute(Node node, String name) {
    if (node instanceof Element e && e.hasAttribute(name)) {
      return e.getAttribute(name).strip();
    }
    return null;
  }

  static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static LocalDate date(String value, String term) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw EInvoiceRejection.rule(term, "'" + value + "' is not a date (YYYY-MM-DD)", term);
    }
  }
}
