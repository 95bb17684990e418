package org.receivables.invoicing.einvoice.read;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.xml.Nodes;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the business terms of a UN/CEFACT CII D16B CrossIndustryInvoice (EN 16931 CII binding). */
public final class CiiReader {

  private static final String TRANSACTION = "rsm:SupplyChainTradeTransaction/";
  private static final String AGREEMENT = TRANSACTION + "ram:ApplicableHeaderTradeAgreement/";
  private static final String SETTLEMENT = TRANSACTION + "ram:ApplicableHeaderTradeSettlement/";
  private static final DateTimeFormatter FORMAT_102 = DateTimeFormatter.BASIC_ISO_DATE;

  private CiiReader() {}

  public static EDocument read(Element root) {
    Nodes x = new Nodes();
    String typeCode = x.text(root, "rsm:ExchangedDocument/ram:TypeCode");
    String currency = x.text(root, SETTLEMENT + "ram:InvoiceCurrencyCode");
    List<EDocument.Line> lines =
        x.nodes(root, TRANSACTION + "ram:IncludedSupplyChainTradeLineItem").stream()
            .map(
                l ->
                    new EDocument.Line(
                        x.text(l, "ram:AssociatedDocumentLineDocument/ram:LineID"),
                        x.text(l, "ram:SpecifiedTradeProduct/ram:Name"),
                        x.decimal(l, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", "BT-129"),
                        x.decimal(
                            l,
                            "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
                            "BT-146"),
                        x.decimal(
                            l,
                            "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity",
                            "BT-149"),
                        x.decimal(
                            l,
                            "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
                            "BT-131"),
                        x.text(
                            l,
                            "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"),
                        x.decimal(
                            l,
                            "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent",
                            "BT-152")))
            .toList();
    List<EDocument.VatSubtotal> vat =
        x.nodes(root, SETTLEMENT + "ram:ApplicableTradeTax").stream()
            .map(
                t ->
                    new EDocument.VatSubtotal(
                        x.text(t, "ram:CategoryCode"),
                        x.decimal(t, "ram:RateApplicablePercent", "BT-119"),
                        x.decimal(t, "ram:BasisAmount", "BT-116"),
                        x.decimal(t, "ram:CalculatedAmount", "BT-117"),
                        x.text(t, "ram:ExemptionReason")))
            .toList();
    List<EDocument.AllowanceCharge> allowances =
        x.nodes(root, SETTLEMENT + "ram:SpecifiedTradeAllowanceCharge").stream()
            .map(
                a ->
                    new EDocument.AllowanceCharge(
                        "true".equalsIgnoreCase(x.text(a, "ram:ChargeIndicator/udt:Indicator")),
                        x.decimal(a, "ram:ActualAmount", "BT-92"),
                        x.text(a, "ram:CategoryTradeTax/ram:CategoryCode"),
                        x.decimal(a, "ram:CategoryTradeTax/ram:RateApplicablePercent", "BT-96"),
                        UblReader.firstNonNull(
                            x.text(a, "ram:Reason"), x.text(a, "ram:ReasonCode"))))
            .toList();
    Node sum = x.node(root, SETTLEMENT + "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    EDocument.Totals totals =
        new EDocument.Totals(
            x.decimal(sum, "ram:LineTotalAmount", "BT-106"),
            x.decimal(sum, "ram:AllowanceTotalAmount", "BT-107"),
            x.decimal(sum, "ram:ChargeTotalAmount", "BT-108"),
            x.decimal(sum, "ram:TaxBasisTotalAmount", "BT-109"),
            x.decimal(sum, "ram:TaxTotalAmount[@currencyID='" + currency + "']", "BT-110"),
            x.decimal(sum, "ram:GrandTotalAmount", "BT-112"),
            x.decimal(sum, "ram:TotalPrepaidAmount", "BT-113"),
            x.decimal(sum, "ram:RoundingAmount", "BT-114"),
            x.decimal(sum, "ram:DuePayableAmount", "BT-115"));
    return new EDocument(
        EDocument.Syntax.CII,
        TypeCodes.isCredit(typeCode),
        typeCode,
        x.text(root, "rsm:ExchangedDocument/ram:ID"),
        date(x.text(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"), "BT-2"),
        date(
            x.text(
                root,
                SETTLEMENT
                    + "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"),
            "BT-9"),
        currency,
        party(x, x.node(root, AGREEMENT + "ram:SellerTradeParty")),
        party(x, x.node(root, AGREEMENT + "ram:BuyerTradeParty")),
        x.text(root, AGREEMENT + "ram:BuyerReference"),
        x.text(root, AGREEMENT + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"),
        x.text(root, SETTLEMENT + "ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
        x.text(root, SETTLEMENT + "ram:SpecifiedTradePaymentTerms/ram:Description"),
        x.text(root, SETTLEMENT + "ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode"),
        x.text(root, SETTLEMENT + "ram:PaymentReference"),
        x.texts(root, "rsm:ExchangedDocument/ram:IncludedNote/ram:Content"),
        lines,
        vat,
        allowances,
        totals);
  }

  private static EDocument.Party party(Nodes x, Node p) {
    if (p == null) {
      return new EDocument.Party(null, null, null, null, null, null, null);
    }
    Node legal = x.node(p, "ram:SpecifiedLegalOrganization/ram:ID");
    return new EDocument.Party(
        x.text(p, "ram:Name"),
        UblReader.firstNonNull(x.text(p, "ram:ID"), x.text(p, "ram:GlobalID")),
        legal == null ? null : legal.getTextContent().strip(),
        legal == null ? null : UblReader.attribute(legal, "schemeID"),
        x.text(p, "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"),
        x.text(p, "ram:PostalTradeAddress/ram:CountryID"),
        x.text(p, "ram:URIUniversalCommunication/ram:URIID"));
  }

  /** EN 16931 allows only format 102 (CCYYMMDD) in CII. */
  private static LocalDate date(String value, String term) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value, FORMAT_102);
    } catch (DateTimeParseException e) {
      throw EInvoiceRejection.rule(term, "'" + value + "' is not a date in format 102", term);
    }
  }
}
