package org.receivables.invoicing.einvoice.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.einvoice.EInvoiceConfig.Seller;
import org.receivables.invoicing.einvoice.validate.En16931Validator;
import org.receivables.invoicing.einvoice.xml.SecureXml;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceLine;
import org.receivables.invoicing.invoice.InvoiceTotals;

/** Our invoice → CII, checked against the CEN EN 16931 artefacts the intake uses. */
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

  static String cii(Invoice invoice, Customer customer) {
    return new String(
        CiiWriter.xml(CiiMapping.of(invoice, customer, seller())), StandardCharsets.UTF_8);
  }

  static List<String> errors(String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    return VALIDATOR
        .validate(En16931Validator.Kind.CII, bytes, SecureXml.parse(bytes))
        .errors()
        .stream()
        .map(e -> e.rule() + " " + e.message())
        .toList();
  }

  @Test
  void twoVatRatesPassEn16931() {
    Invoice inv =
        invoice(
            "EUR",
            List.of(
                line("Croissants", "120", "0.95", "5.5"),
                line("Consulting", "3", "333.33", "20"),
                line("Delivery", "1", "12.50", "20")));
    String xml = cii(inv, customer("FR"));
    assertThat(errors(xml)).isEmpty();
    assertThat(xml).contains("<ram:GrandTotalAmount>" + inv.totalInclTax.toPlainString());
    assertThat(xml)
        .contains("<ram:TaxTotalAmount currencyID=\"EUR\">" + inv.totalTax.toPlainString());
    assertThat(xml).contains("<ram:PaymentReference>RF18539007547034</ram:PaymentReference>");
    assertThat(xml).contains("<ram:RateApplicablePercent>5.50</ram:RateApplicablePercent>");
    assertThat(xml).contains("20261202");
  }

  @Test
  void foreignCurrencyPassesEn16931() {
    Invoice inv = invoice("USD", List.of(line("Licence", "2", "1499.99", "20")));
    String xml = cii(inv, customer("US"));
    assertThat(errors(xml)).isEmpty();
    assertThat(xml).contains("<ram:InvoiceCurrencyCode>USD</ram:InvoiceCurrencyCode>");
    assertThat(xml).contains("<ram:GrandTotalAmount>" + inv.totalInclTax.toPlainString());
  }

  @Test
  void zeroRateIsZeroRatedAndANegativeLineMovesItsSignToTheQuantity() {
    Invoice inv =
        invoice(
            "EUR",
            List.of(
                line("Books", "4", "25.00", "0"),
                line("Consulting", "1", "100.00", "20"),
                line("Allowance", "1", "-10.00", "20")));
    String xml = cii(inv, customer("FR"));
    assertThat(errors(xml)).isEmpty();
    assertThat(xml).contains("<ram:CategoryCode>Z</ram:CategoryCode>");
    assertThat(xml).contains("<ram:GrandTotalAmount>" + inv.totalInclTax.toPlainString());
  }
}
