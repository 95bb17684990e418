package org.receivables.invoicing.einvoice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.customer.EndOfMonthRule;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.read.EDocument;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceStatus;

class LedgerInvoiceTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  private static BigDecimal d(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  private static Customer customer() {
    Customer c = new Customer();
    c.id = UUID.randomUUID();
    c.termsDays = 30;
    c.termsEndOfMonth = EndOfMonthRule.NONE;
    return c;
  }

  private static EDocument doc(
      String currency,
      LocalDate due,
      String excl,
      String tax,
      String incl,
      String prepaid,
      String payable) {
    return new EDocument(
        EDocument.Syntax.UBL,
        false,
        "380",
        "F-1",
        LocalDate.of(2026, 11, 2),
        due,
        currency,
        new EDocument.Party("S", null, null, null, "FR32123456789", "FR", null),
        new EDocument.Party("B", null, "987654321", "0002", null, "FR", null),
        null,
        null,
        null,
        null,
        "30",
        "RF18539007547034",
        List.of(),
        List.of(new EDocument.Line("1", "Flour", d("1"), d(excl), null, d(excl), "S", d("20"))),
        List.of(new EDocument.VatSubtotal("S", d("20"), d(excl), d(tax), null)),
        List.of(),
        new EDocument.Totals(
            d(excl), null, null, d(excl), d(tax), d(incl), d(prepaid), null, d(payable)));
  }

  @Test
  void takesTheDocumentsTotalsAndLeavesBt115Outstanding() {
    Invoice i =
        LedgerInvoice.of(
            "t",
            customer(),
            doc(
                "EUR",
                LocalDate.of(2026, 12, 2),
                "1000.00",
                "200.00",
                "1200.00",
                "300.00",
                "900.00"),
            NOW);
    assertThat(i.totalExclTax).isEqualByComparingTo("1000.00");
    assertThat(i.totalTax).isEqualByComparingTo("200.00");
    assertThat(i.totalInclTax).isEqualByComparingTo("1200.00");
    assertThat(i.amountPaid).isEqualByComparingTo("300.00");
    assertThat(i.outstanding()).isEqualByComparingTo("900.00");
    assertThat(i.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(i.dueDate).isEqualTo(LocalDate.of(2026, 12, 2));
  }

  @Test
  void aFullyPrepaidInvoiceIsPaid() {
    Invoice i =
        LedgerInvoice.of(
            "t", customer(), doc("EUR", null, "100.00", "20.00", "120.00", "120.00", "0.00"), NOW);
    assertThat(i.status).isEqualTo(InvoiceStatus.PAID);
    assertThat(i.outstanding()).isEqualByComparingTo("0");
  }

  @Test
  void withoutBt9TheCustomersTermsGiveTheDueDate() {
    Invoice i =
        LedgerInvoice.of(
            "t", customer(), doc("EUR", null, "100.00", "20.00", "120.00", null, "120.00"), NOW);
    assertThat(i.dueDate).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(i.amountPaid).isEqualByComparingTo("0");
    assertThat(i.status).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void refusesAmountsFinerThanTheCurrency() {
    assertThatThrownBy(
            () ->
                LedgerInvoice.of(
                    "t",
                    customer(),
                    doc("JPY", null, "100.50", "10.05", "110.55", null, "110.55"),
                    NOW))
        .isInstanceOfSatisfying(
            EInvoiceRejection.class,
            e ->
                assertThat(e.errors())
                    .extracting(EInvoiceRejection.RuleError::rule)
                    .containsOnly("SUITE-CUR-1"));
  }

  @Test
  void threeDecimalCurrenciesKeepTheirAmounts() {
    Invoice i =
        LedgerInvoice.of(
            "t", customer(), doc("KWD", null, "10.125", "2.025", "12.150", null, "12.150"), NOW);
    assertThat(i.totalInclTax).isEqualByComparingTo("12.150");
  }

  @Test
  void refusesADueDateBeforeTheIssueDate() {
    assertThatThrownBy(
            () ->
                LedgerInvoice.of(
                    "t",
                    customer(),
                    doc("EUR", LocalDate.of(2026, 1, 1), "1", "0.2", "1.2", null, "1.2"),
                    NOW))
        .isInstanceOf(EInvoiceRejection.class)
        .hasMessageContaining("SUITE-DUE-1");
  }
}
