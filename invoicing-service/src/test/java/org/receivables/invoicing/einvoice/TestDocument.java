package org.receivables.invoicing.einvoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * EN 16931 test documents written for these tests, in UBL 2.1 or CII D16B: a seller, a buyer, lines
 * per VAT category, document allowances and charges, a prepaid amount. Totals are computed here as
 * the standard says (the document's author's job), so each test states only what it varies.
 */
final class TestDocument {

  record Line(String name, String quantity, String price, String category, String rate) {}

  record AllowanceCharge(
      boolean charge, String amount, String category, String rate, String reason) {}

  String number = "EI-" + UUID.randomUUID().toString().substring(0, 8);
  String typeCode = "380";
  boolean ublCreditNote;
  String issueDate = "2026-11-02";
  String dueDate = "2026-12-02";
  String currency = "EUR";
  int decimals = 2;
  String sellerName = "Minoterie Dupont SA";
  String sellerVat = "FR32123456789";
  String sellerSiren = "123456789";
  String buyerName = "Boulangerie Martin";
  String buyerVat = null;
  String buyerSiren = String.valueOf(100000000 + (long) (Math.random() * 899999999));
  String buyerCountry = "FR";
  String buyerReference = "BR-77";
  String orderReference = "PO-4711";
  String precedingInvoice;
  String remittance = "RF18539007547034";
  String note = "Thank you for your order";
  String prepaid;
  String exemptionReason = "Exempt";
  String deliveryDate;
  final List<Line> lines = new ArrayList<>();
  final List<AllowanceCharge> allowancesCharges = new ArrayList<>();

  TestDocument line(String quantity, String price, String category, String rate) {
    lines.add(new Line("Item " + (lines.size() + 1), quantity, price, category, rate));
    return this;
  }

  TestDocument allowance(String amount, String category, String rate) {
    allowancesCharges.add(new AllowanceCharge(false, amount, category, rate, "Discount"));
    return this;
  }

  TestDocument charge(String amount, String category, String rate) {
    allowancesCharges.add(new AllowanceCharge(true, amount, category, rate, "Freight"));
    return this;
  }

  // --- totals as EN 16931 computes them ------------------------------------------------------

  BigDecimal money(String value) {
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP);
  }

  BigDecimal lineNet(Line l) {
    return new BigDecimal(l.quantity())
        .multiply(new BigDecimal(l.price()))
        .setScale(decimals, RoundingMode.HALF_UP);
  }

  record Vat(String category, String rate, BigDecimal taxable, BigDecimal tax) {}

  List<Vat> breakdown() {
    Map<String, BigDecimal> base = new LinkedHashMap<>();
    for (Line l : lines) {
      base.merge(l.category() + "|" + l.rate(), lineNet(l), BigDecimal::add);
    }
    for (AllowanceCharge ac : allowancesCharges) {
      BigDecimal amount = money(ac.amount());
      base.merge(
          ac.category() + "|" + ac.rate(), ac.charge() ? amount : amount.negate(), BigDecimal::add);
    }
    List<Vat> vat = new ArrayList<>();
    base.forEach(
        (key, taxable) -> {
          String[] parts = key.split("\\|");
          BigDecimal tax =
              taxable
                  .multiply(new BigDecimal(parts[1]))
                  .divide(BigDecimal.valueOf(100), decimals, RoundingMode.HALF_UP);
          vat.add(new Vat(parts[0], parts[1], taxable, tax));
        });
    return vat;
  }

  BigDecimal lineTotal() {
    return lines.stream().map(this::lineNet).reduce(money("0"), BigDecimal::add);
  }

  BigDecimal sum(boolean charges) {
    return allowancesCharges.stream()
        .filter(a -> a.charge() == charges)
        .map(a -> money(a.amount()))
        .reduce(money("0"), BigDecimal::add);
  }

  BigDecimal taxExclusive() {
    return lineTotal().subtract(sum(false)).add(sum(true));
  }

  BigDecimal taxTotal() {
    return breakdown().stream().map(Vat::tax).reduce(money("0"), BigDecimal::add);
  }

  BigDecimal taxInclusive() {
    return taxExclusive().add(taxTotal());
  }

  BigDecimal payable() {
    return prepaid == null ? taxInclusive() : taxInclusive().subtract(money(prepaid));
  }

  String a(BigDecimal amount) {
    return amount.toPlainString();
  }

  String reasonOf(String category) {
    return switch (category) {
      case "E", "AE", "K", "G", "O" -> exemptionReason;
      default -> null;
    };
  }

  // --- UBL 2.1 ----------------------------------------------------------------------------------

  String ubl() {
    boolean cn = ublCreditNote;
    String root = cn ? "CreditNote" : "Invoice";
    String cur = " currencyID=\"" + currency + "\"";
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
        .append(root)
        .append(" xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:")
        .append(root)
        .append(
            "-2\" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"")
        .append(
            " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n")
        .append("<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>\n")
        .append("<cbc:ID>")
        .append(number)
        .append("</cbc:ID>\n")
        .append("<cbc:IssueDate>")
        .append(issueDate)
        .append("</cbc:IssueDate>\n");
    if (!cn && dueDate != null) {
      x.append("<cbc:DueDate>").append(dueDate).append("</cbc:DueDate>\n");
    }
    x.append(cn ? "<cbc:CreditNoteTypeCode>" : "<cbc:InvoiceTypeCode>")
        .append(typeCode)
        .append(cn ? "</cbc:CreditNoteTypeCode>\n" : "</cbc:InvoiceTypeCode>\n");
    if (note != null) {
      x.append("<cbc:Note>").append(note).append("</cbc:Note>\n");
    }
    x.append("<cbc:DocumentCurrencyCode>").append(currency).append("</cbc:DocumentCurrencyCode>\n");
    if (buyerReference != null) {
      x.append("<cbc:BuyerReference>").append(buyerReference).append("</cbc:BuyerReference>\n");
    }
    if (orderReference != null) {
      x.append("<cac:OrderReference><cbc:ID>")
          .append(orderReference)
          .append("</cbc:ID></cac:OrderReference>\n");
    }
    if (precedingInvoice != null) {
      x.append("<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>")
          .append(precedingInvoice)
          .append("</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>\n");
    }
    x.append("<cac:AccountingSupplierParty>")
        .append(ublParty(sellerName, sellerVat, sellerSiren, "FR"))
        .append("</cac:AccountingSupplierParty>\n");
    x.append("<cac:AccountingCustomerParty>")
        .append(ublParty(buyerName, buyerVat, buyerSiren, buyerCountry))
        .append("</cac:AccountingCustomerParty>\n");
    if (deliveryDate != null) {
      x.append("<cac:Delivery><cbc:ActualDeliveryDate>")
          .append(deliveryDate)
          .append("</cbc:ActualDeliveryDate><cac:DeliveryLocation><cac:Address><cac:Country>")
          .append("<cbc:IdentificationCode>")
          .append(buyerCountry)
          .append(
              "</cbc:IdentificationCode></cac:Country></cac:Address></cac:DeliveryLocation></cac:Delivery>\n");
    }
    x.append("<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>");
    if (cn && dueDate != null) {
      x.append("<cbc:PaymentDueDate>").append(dueDate).append("</cbc:PaymentDueDate>");
    }
    if (remittance != null) {
      x.append("<cbc:PaymentID>").append(remittance).append("</cbc:PaymentID>");
    }
    x.append(
            "<cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID></cac:PayeeFinancialAccount>")
        .append("</cac:PaymentMeans>\n");
    x.append("<cac:PaymentTerms><cbc:Note>30 days net</cbc:Note></cac:PaymentTerms>\n");
    for (AllowanceCharge ac : allowancesCharges) {
      x.append("<cac:AllowanceCharge><cbc:ChargeIndicator>")
          .append(ac.charge())
          .append("</cbc:ChargeIndicator><cbc:AllowanceChargeReason>")
          .append(ac.reason())
          .append("</cbc:AllowanceChargeReason><cbc:Amount")
          .append(cur)
          .append(">")
          .append(a(money(ac.amount())))
          .append("</cbc:Amount>")
          .append(ublCategory("TaxCategory", ac.category(), ac.rate(), false))
          .append("</cac:AllowanceCharge>\n");
    }
    x.append("<cac:TaxTotal><cbc:TaxAmount")
        .append(cur)
        .append(">")
        .append(a(taxTotal()))
        .append("</cbc:TaxAmount>\n");
    for (Vat v : breakdown()) {
      x.append("<cac:TaxSubtotal><cbc:TaxableAmount")
          .append(cur)
          .append(">")
          .append(a(v.taxable()))
          .append("</cbc:TaxableAmount><cbc:TaxAmount")
          .append(cur)
          .append(">")
          .append(a(v.tax()))
          .append("</cbc:TaxAmount>")
          .append(ublCategory("TaxCategory", v.category(), v.rate(), true))
          .append("</cac:TaxSubtotal>\n");
    }
    x.append("</cac:TaxTotal>\n<cac:LegalMonetaryTotal>")
        .append("<cbc:LineExtensionAmount")
        .append(cur)
        .append(">")
        .append(a(lineTotal()))
        .append("</cbc:LineExtensionAmount>")
        .append("<cbc:TaxExclusiveAmount")
        .append(cur)
        .append(">")
        .append(a(taxExclusive()))
        .append("</cbc:TaxExclusiveAmount>")
        .append("<cbc:TaxInclusiveAmount")
        .append(cur)
        .append(">")
        .append(a(taxInclusive()))
        .append("</cbc:TaxInclusiveAmount>");
    if (allowancesCharges.stream().anyMatch(ac -> !ac.charge())) {
      x.append("<cbc:AllowanceTotalAmount")
          .append(cur)
          .append(">")
          .append(a(sum(false)))
          .append("</cbc:AllowanceTotalAmount>");
    }
    if (allowancesCharges.stream().anyMatch(AllowanceCharge::charge)) {
      x.append("<cbc:ChargeTotalAmount")
          .append(cur)
          .append(">")
          .append(a(sum(true)))
          .append("</cbc:ChargeTotalAmount>");
    }
    if (prepaid != null) {
      x.append("<cbc:PrepaidAmount")
          .append(cur)
          .append(">")
          .append(a(money(prepaid)))
          .append("</cbc:PrepaidAmount>");
    }
    x.append("<cbc:PayableAmount")
        .append(cur)
        .append(">")
        .append(a(payable()))
        .append("</cbc:PayableAmount>")
        .append("</cac:LegalMonetaryTotal>\n");
    int n = 1;
    for (Line l : lines) {
      x.append(cn ? "<cac:CreditNoteLine>" : "<cac:InvoiceLine>")
          .append("<cbc:ID>")
          .append(n++)
          .append("</cbc:ID>")
          .append(
              cn
                  ? "<cbc:CreditedQuantity unitCode=\"C62\">"
                  : "<cbc:InvoicedQuantity unitCode=\"C62\">")
          .append(l.quantity())
          .append(cn ? "</cbc:CreditedQuantity>" : "</cbc:InvoicedQuantity>")
          .append("<cbc:LineExtensionAmount")
          .append(cur)
          .append(">")
          .append(a(lineNet(l)))
          .append("</cbc:LineExtensionAmount>")
          .append("<cac:Item><cbc:Name>")
          .append(l.name())
          .append("</cbc:Name>")
          .append(ublCategory("ClassifiedTaxCategory", l.category(), l.rate(), false))
          .append("</cac:Item><cac:Price><cbc:PriceAmount")
          .append(cur)
          .append(">")
          .append(l.price())
          .append("</cbc:PriceAmount></cac:Price>")
          .append(cn ? "</cac:CreditNoteLine>\n" : "</cac:InvoiceLine>\n");
    }
    return x.append("</").append(root).append(">\n").toString();
  }

  private String ublParty(String name, String vat, String siren, String country) {
    StringBuilder p = new StringBuilder("<cac:Party>");
    p.append(
            "<cac:PostalAddress><cbc:CityName>Lyon</cbc:CityName><cac:Country><cbc:IdentificationCode>")
        .append(country)
        .append("</cbc:IdentificationCode></cac:Country></cac:PostalAddress>");
    if (vat != null) {
      p.append("<cac:PartyTaxScheme><cbc:CompanyID>")
          .append(vat)
          .append(
              "</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>");
    }
    p.append("<cac:PartyLegalEntity><cbc:RegistrationName>")
        .append(name)
        .append("</cbc:RegistrationName>");
    if (siren != null) {
      p.append("<cbc:CompanyID schemeID=\"0002\">").append(siren).append("</cbc:CompanyID>");
    }
    return p.append("</cac:PartyLegalEntity></cac:Party>").toString();
  }

  private String ublCategory(String element, String category, String rate, boolean withReason) {
    StringBuilder c =
        new StringBuilder("<cac:")
            .append(element)
            .append("><cbc:ID>")
            .append(category)
            .append("</cbc:ID>");
    if (!"O".equals(category)) {
      c.append("<cbc:Percent>").append(rate).append("</cbc:Percent>");
    }
    String reason = reasonOf(category);
    if (withReason && reason != null) {
      c.append("<cbc:TaxExemptionReason>").append(reason).append("</cbc:TaxExemptionReason>");
    }
    return c.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:")
        .append(element)
        .append(">")
        .toString();
  }

  // --- CII D16B ---------------------------------------------------------------------------------

  String cii() {
    String cur = " currencyID=\"" + currency + "\"";
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"")
        .append(
            " xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\"")
        .append(" xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\"")
        .append(" xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">\n")
        .append(
            "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>")
        .append(
            "urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>\n")
        .append("<rsm:ExchangedDocument><ram:ID>")
        .append(number)
        .append("</ram:ID><ram:TypeCode>")
        .append(typeCode)
        .append("</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format=\"102\">")
        .append(issueDate.replace("-", ""))
        .append("</udt:DateTimeString></ram:IssueDateTime>");
    if (note != null) {
      x.append("<ram:IncludedNote><ram:Content>")
          .append(note)
          .append("</ram:Content></ram:IncludedNote>");
    }
    x.append("</rsm:ExchangedDocument>\n<rsm:SupplyChainTradeTransaction>\n");
    int n = 1;
    for (Line l : lines) {
      x.append(
              "<ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>")
          .append(n++)
          .append(
              "</ram:LineID></ram:AssociatedDocumentLineDocument><ram:SpecifiedTradeProduct><ram:Name>")
          .append(l.name())
          .append("</ram:Name></ram:SpecifiedTradeProduct><ram:SpecifiedLineTradeAgreement>")
          .append("<ram:NetPriceProductTradePrice><ram:ChargeAmount>")
          .append(l.price())
          .append(
              "</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>")
          .append("<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">")
          .append(l.quantity())
          .append(
              "</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery><ram:SpecifiedLineTradeSettlement>")
          .append(ciiTax(l.category(), l.rate(), null, null, false))
          .append("<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>")
          .append(a(lineNet(l)))
          .append("</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>")
          .append("</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>\n");
    }
    x.append("<ram:ApplicableHeaderTradeAgreement>");
    if (buyerReference != null) {
      x.append("<ram:BuyerReference>").append(buyerReference).append("</ram:BuyerReference>");
    }
    x.append(ciiParty("SellerTradeParty", sellerName, sellerVat, sellerSiren, "FR"))
        .append(ciiParty("BuyerTradeParty", buyerName, buyerVat, buyerSiren, buyerCountry));
    if (orderReference != null) {
      x.append("<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>")
          .append(orderReference)
          .append("</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>");
    }
    x.append("</ram:ApplicableHeaderTradeAgreement>\n<ram:ApplicableHeaderTradeDelivery>");
    if (deliveryDate != null) {
      x.append("<ram:ShipToTradeParty><ram:PostalTradeAddress><ram:CountryID>")
          .append(buyerCountry)
          .append("</ram:CountryID></ram:PostalTradeAddress></ram:ShipToTradeParty>")
          .append(
              "<ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format=\"102\">")
          .append(deliveryDate.replace("-", ""))
          .append(
              "</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>");
    }
    x.append("</ram:ApplicableHeaderTradeDelivery>\n<ram:ApplicableHeaderTradeSettlement>");
    if (remittance != null) {
      x.append("<ram:PaymentReference>").append(remittance).append("</ram:PaymentReference>");
    }
    x.append("<ram:InvoiceCurrencyCode>")
        .append(currency)
        .append("</ram:InvoiceCurrencyCode>")
        .append("<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode>")
        .append(
            "<ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR7630006000011234567890189</ram:IBANID>")
        .append(
            "</ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>");
    for (Vat v : breakdown()) {
      x.append(ciiTax(v.category(), v.rate(), v.taxable(), v.tax(), true));
    }
    for (AllowanceCharge ac : allowancesCharges) {
      x.append("<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>")
          .append(ac.charge())
          .append("</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>")
          .append(a(money(ac.amount())))
          .append("</ram:ActualAmount><ram:Reason>")
          .append(ac.reason())
          .append(
              "</ram:Reason><ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>")
          .append(ac.category())
          .append("</ram:CategoryCode>");
      if (!"O".equals(ac.category())) {
        x.append("<ram:RateApplicablePercent>")
            .append(ac.rate())
            .append("</ram:RateApplicablePercent>");
      }
      x.append("</ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>");
    }
    x.append("<ram:SpecifiedTradePaymentTerms><ram:Description>30 days net</ram:Description>");
    if (dueDate != null) {
      x.append("<ram:DueDateDateTime><udt:DateTimeString format=\"102\">")
          .append(dueDate.replace("-", ""))
          .append("</udt:DateTimeString></ram:DueDateDateTime>");
    }
    x.append("</ram:SpecifiedTradePaymentTerms>");
    x.append("<ram:SpecifiedTradeSettlementHeaderMonetarySummation>")
        .append("<ram:LineTotalAmount>")
        .append(a(lineTotal()))
        .append("</ram:LineTotalAmount>");
    if (allowancesCharges.stream().anyMatch(AllowanceCharge::charge)) {
      x.append("<ram:ChargeTotalAmount>").append(a(sum(true))).append("</ram:ChargeTotalAmount>");
    }
    if (allowancesCharges.stream().anyMatch(ac -> !ac.charge())) {
      x.append("<ram:AllowanceTotalAmount>")
          .append(a(sum(false)))
          .append("</ram:AllowanceTotalAmount>");
    }
    x.append("<ram:TaxBasisTotalAmount>")
        .append(a(taxExclusive()))
        .append("</ram:TaxBasisTotalAmount>")
        .append("<ram:TaxTotalAmount")
        .append(cur)
        .append(">")
        .append(a(taxTotal()))
        .append("</ram:TaxTotalAmount>")
        .append("<ram:GrandTotalAmount>")
        .append(a(taxInclusive()))
        .append("</ram:GrandTotalAmount>");
    if (prepaid != null) {
      x.append("<ram:TotalPrepaidAmount>")
          .append(a(money(prepaid)))
          .append("</ram:TotalPrepaidAmount>");
    }
    x.append("<ram:DuePayableAmount>")
        .append(a(payable()))
        .append("</ram:DuePayableAmount>")
        .append("</ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
    if (precedingInvoice != null) {
      x.append("<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>")
          .append(precedingInvoice)
          .append("</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>");
    }
    return x.append(
            "</ram:ApplicableHeaderTradeSettlement>\n</rsm:SupplyChainTradeTransaction>\n</rsm:CrossIndustryInvoice>\n")
        .toString();
  }

  private String ciiParty(String element, String name, String vat, String siren, String country) {
    StringBuilder p =
        new StringBuilder("<ram:")
            .append(element)
            .append("><ram:Name>")
            .append(name)
            .append("</ram:Name>");
    if (siren != null) {
      p.append("<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">")
          .append(siren)
          .append("</ram:ID></ram:SpecifiedLegalOrganization>");
    }
    p.append("<ram:PostalTradeAddress><ram:CityName>Lyon</ram:CityName><ram:CountryID>")
        .append(country)
        .append("</ram:CountryID></ram:PostalTradeAddress>");
    if (vat != null) {
      p.append("<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">")
          .append(vat)
          .append("</ram:ID></ram:SpecifiedTaxRegistration>");
    }
    return p.append("</ram:").append(element).append(">").toString();
  }

  private String ciiTax(
      String category, String rate, BigDecimal taxable, BigDecimal tax, boolean header) {
    StringBuilder t = new StringBuilder("<ram:ApplicableTradeTax>");
    if (header) {
      t.append("<ram:CalculatedAmount>").append(a(tax)).append("</ram:CalculatedAmount>");
    }
    t.append("<ram:TypeCode>VAT</ram:TypeCode>");
    String reason = reasonOf(category);
    if (header && reason != null) {
      t.append("<ram:ExemptionReason>").append(reason).append("</ram:ExemptionReason>");
    }
    if (header) {
      t.append("<ram:BasisAmount>").append(a(taxable)).append("</ram:BasisAmount>");
    }
    t.append("<ram:CategoryCode>").append(category).append("</ram:CategoryCode>");
    if (!"O".equals(category)) {
      t.append("<ram:RateApplicablePercent>").append(rate).append("</ram:RateApplicablePercent>");
    }
    return t.append("</ram:ApplicableTradeTax>").toString();
  }
}
