package org.receivables.invoicing.einvoice.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.receivables.invoicing.creditnote.CreditNote;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.einvoice.EInvoiceConfig.Seller;
import org.receivables.invoicing.einvoice.validate.En16931Validator;
import org.receivables.invoicing.einvoice.xml.SecureXml;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceLine;
import org.receivables.invoicing.invoice.InvoiceTotals;
import org.receivables.invoicing.invoice.VatCategory;

/**
 * Our invoices and credit notes → CII (and UBL for credit notes), checked against the CEN EN 16931
 * artefacts the intake uses.
 */
class CiiMappingTest {

  static final En16931Validator VALIDATOR = new En16931Validator();

  static Seller seller() {
    return new Seller() {
      public String name() {
        return "Test Seller SAS";
      }

      public String vatId() {
        return "FR40303265045";
      }

      public Optional<String> legalId() {
        return Optional.of("303265045");
      }

      public String legalIdScheme() {
        return "0002";
      }

      public Optional<String> street() {
        return Optional.of("1 place du Test");
      }

      public Optional<String> postcode() {
        return Optional.of("69001");
      }

      public Optional<String> city() {
        return Optional.of("Lyon");
      }

      public String country() {
        return "FR";
      }

      public Optional<String> iban() {
        return Optional.of("FR7630006000011234567890189");
      }

      public Optional<String> bic() {
        return Optional.empty();
      }
    };
  }

  static Customer customer(String country) {
    Customer c = new Customer();
    c.externalRef = "C-42";
    c.name = "Boulangerie Martin";
    c.country = country;
    return c;
  }

  static InvoiceLine line(String description, String qty, String price, String rate) {
    InvoiceLine l = new InvoiceLine();
    l.description = description;
    l.quantity = new BigDecimal(qty);
    l.unitPrice = new BigDecimal(price);
    l.vatRate = new BigDecimal(rate);
    return l;
  }

  static InvoiceLine exempt(String description, String price, VatCategory category, String reason) {
    InvoiceLine l = line(description, "1", price, "0");
    l.vatCategory = category.name();
    l.vatExemptionReason = reason;
    return l;
  }

  /** An invoice whose totals are computed as the ledger computes them. */
  static Invoice invoice(String currency, List<InvoiceLine> lines) {
    Invoice i = new Invoice();
    i.number = "F-2026-0042";
    i.paymentReference = "RF18539007547034";
    i.issueDate = LocalDate.of(2026, 11, 2);
    i.dueDate = LocalDate.of(2026, 12, 2);
    i.currency = currency;
    i.lines = lines;
    for (InvoiceLine l : lines) {
      l.netAmount = InvoiceTotals.lineNet(l.amounts(), currency);
    }
    InvoiceTotals totals =
        InvoiceTotals.of(lines.stream().map(InvoiceLine::amounts).toList(), currency);
    i.totalExclTax = totals.totalExclTax();
    i.totalTax = totals.totalTax();
    i.totalInclTax = totals.totalInclTax();
    return i;
  }

  /**
   * The CII of {@code invoice}, after checking that it passes EN 16931 and states the ledger's
   * grand total.
   */
  static String valid(Invoice invoice, Customer customer) {
    String xml =
        new String(
            CiiWriter.xml(CiiMapping.of(invoice, customer, seller())), StandardCharsets.UTF_8);
    assertThat(errors(En16931Validator.Kind.CII, xml)).isEmpty();
    assertThat(xml).contains("<ram:GrandTotalAmount>" + invoice.totalInclTax.toPlainString());
    return xml;
  }

  static List<String> errors(String cii) {
    return errors(En16931Validator.Kind.CII, cii);
  }

  static List<String> errors(En16931Validator.Kind kind, String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    return VALIDATOR.validate(kind, bytes, SecureXml.parse(bytes)).errors().stream()
        .map(e -> e.rule() + " " + e.message())
        .toList();
  }

  static CreditNote creditNote(String amount) {
    CreditNote note = new CreditNote();
    note.number = "AV-2026-0007";
    note.amount = new BigDecimal(amount);
    note.issuedOn = LocalDate.of(2026, 11, 20);
    note.reason = "2 boxes delivered damaged";
    return note;
  }

  @Test
  void twoVatRatesPassEn16931() {
    String xml =
        valid(
            invoice(
                "EUR",
                List.of(
                    line("Croissants", "120", "0.95", "5.5"),
                    line("Consulting", "3", "333.33", "20"),
                    line("Delivery", "1", "12.50", "20"))),
            customer("FR"));
    assertThat(xml)
        .contains("<ram:TaxTotalAmount currencyID=\"EUR\">")
        .contains("<ram:PaymentReference>RF18539007547034</ram:PaymentReference>")
        .contains("<ram:RateApplicablePercent>5.50</ram:RateApplicablePercent>")
        .contains("20261202");
  }

  @Test
  void anEarlyPaymentDiscountIsStatedInThePaymentTerms() {
    Invoice discounted = invoice("EUR", List.of(line("Consulting", "3", "333.33", "20")));
    discounted.discountPercent = new BigDecimal("2.00");
    discounted.discountDeadline = LocalDate.of(2026, 11, 12);
    assertThat(valid(discounted, customer("FR")))
        .contains(
            "Due on 2026-12-02. Early payment discount: 2 % of the amount due if paid by"
                + " 2026-11-12");
    assertThat(
            valid(invoice("EUR", List.of(line("Consulting", "3", "333.33", "20"))), customer("FR")))
        .contains("Due on 2026-12-02<")
        .doesNotContain("Early payment");
  }

  @Test
  void anInvoiceAsUblIsAnInvoiceThatPassesEn16931() {
    Invoice inv = invoice("EUR", List.of(line("Consulting", "3", "333.33", "20")));
    String ubl =
        new String(
            UblWriter.invoice(CiiWriter.xml(CiiMapping.of(inv, customer("FR"), seller()))),
            StandardCharsets.UTF_8);
    assertThat(errors(En16931Validator.Kind.UBL_INVOICE, ubl)).isEmpty();
    assertThat(ubl)
        .contains("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>")
        .contains("F-2026-0042")
        .contains(">" + inv.totalInclTax.toPlainString() + "</cbc:PayableAmount>");
  }

  @Test
  void foreignCurrencyPassesEn16931() {
    String xml =
        valid(invoice("USD", List.of(line("Licence", "2", "1499.99", "20"))), customer("US"));
    assertThat(xml).contains("<ram:InvoiceCurrencyCode>USD</ram:InvoiceCurrencyCode>");
  }

  @Test
  void zeroRateIsZeroRatedAndANegativeLineMovesItsSignToTheQuantity() {
    String xml =
        valid(
            invoice(
                "EUR",
                List.of(
                    line("Books", "4", "25.00", "0"),
                    line("Consulting", "1", "100.00", "20"),
                    line("Allowance", "1", "-10.00", "20"))),
            customer("FR"));
    assertThat(xml).contains("<ram:CategoryCode>Z</ram:CategoryCode>");
  }

  /** Each exempt category, beside a standard-rated line where EN 16931 allows a mix. */
  @ParameterizedTest
  @EnumSource(
      value = VatCategory.class,
      names = {"E", "AE", "K", "G", "O"})
  void everyExemptCategoryPassesEn16931WithItsReason(VatCategory category) {
    List<InvoiceLine> lines = new java.util.ArrayList<>();
    lines.add(
        exempt(
            "Service",
            "500.00",
            category,
            category == VatCategory.E ? "Exonération de TVA, article 261 C du CGI" : null));
    if (category != VatCategory.O) {
      lines.add(line("Consulting", "1", "100.00", "20"));
    }
    Invoice inv = invoice("EUR", lines);
    Customer buyer = customer(category == VatCategory.G ? "US" : "DE");
    if (category.needsBuyerId()) {
      inv.buyerVatId = "DE123456789";
    }
    String xml = valid(inv, buyer);
    assertThat(xml)
        .contains("<ram:CategoryCode>" + category.name() + "</ram:CategoryCode>")
        .contains("<ram:ExemptionReason>" + category.reason(lines.get(0).vatExemptionReason));
    if (category == VatCategory.O) {
      assertThat(xml).doesNotContain("FR40303265045");
    }
  }

  @Test
  void reverseChargeNamesTheBuyerByItsLegalIdWhenNoVatIdIsGiven() {
    Customer buyer = customer("FR");
    buyer.legalId = "552100554";
    valid(invoice("EUR", List.of(exempt("Subcontracting", "800.00", VatCategory.AE, null))), buyer);
  }

  @Test
  void aCreditNoteIsACiiOf381NamingItsInvoiceAndPassesEn16931() {
    Invoice inv =
        invoice(
            "EUR",
            List.of(
                line("Croissants", "120", "0.95", "5.5"), line("Consulting", "3", "333.33", "20")));
    String xml =
        new String(
            CiiWriter.xml(
                CiiMapping.creditNote(creditNote("120.00"), inv, customer("FR"), seller())),
            StandardCharsets.UTF_8);
    assertThat(errors(En16931Validator.Kind.CII, xml)).isEmpty();
    assertThat(xml)
        .contains("<ram:TypeCode>381</ram:TypeCode>")
        .contains("<ram:IssuerAssignedID>F-2026-0042</ram:IssuerAssignedID>")
        .contains("<ram:DuePayableAmount>120.00</ram:DuePayableAmount>")
        .contains("2 boxes delivered damaged");
  }

  @Test
  void aCreditNoteAsUblIsACreditNoteThatPassesEn16931() {
    Invoice inv = invoice("EUR", List.of(exempt("Export", "1000.00", VatCategory.G, null)));
    byte[] cii =
        CiiWriter.xml(CiiMapping.creditNote(creditNote("250.00"), inv, customer("US"), seller()));
    String ubl = new String(UblWriter.creditNote(cii), StandardCharsets.UTF_8);
    assertThat(errors(En16931Validator.Kind.UBL_CREDIT_NOTE, ubl)).isEmpty();
    assertThat(ubl)
        .contains("CreditNote-2")
        .contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
        .contains("<cac:InvoiceDocumentReference><cbc:ID>F-2026-0042</cbc:ID>")
        .contains("<cbc:PayableAmount currencyID=\"EUR\">250");
  }

  @Test
  void aCreditNoteWhoseVatRoundingSkipsItsAmountStatesTheCentAsRounding() {
    Invoice inv = invoice("EUR", List.of(line("Consulting", "1", "1000.00", "20")));
    // at 20 % one total in six has no net amount (CreditNoteLinesTest): whatever the amount, the
    // document states it as due
    for (String amount : List.of("0.05", "1.27", "7.19", "119.99")) {
      String xml =
          new String(
              CiiWriter.xml(
                  CiiMapping.creditNote(creditNote(amount), inv, customer("FR"), seller())),
              StandardCharsets.UTF_8);
      assertThat(errors(En16931Validator.Kind.CII, xml)).as(amount).isEmpty();
      assertThat(xml)
          .as(amount)
          .contains("<ram:DuePayableAmount>" + amount + "</ram:DuePayableAmount>");
    }
  }
}
