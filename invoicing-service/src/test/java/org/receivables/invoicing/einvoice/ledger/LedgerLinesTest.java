package org.receivables.invoicing.einvoice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.read.EDocument;
import org.receivables.invoicing.invoice.VatCategory;

class LedgerLinesTest {

  private static BigDecimal d(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  private static EDocument.Line line(
      String qty, String price, String base, String net, String rate) {
    return new EDocument.Line("1", "Flour", d(qty), d(price), d(base), d(net), "S", d(rate));
  }

  @Test
  void keepsQuantityAndPriceWhenTheirProductIsTheLineNetAmount() {
    LedgerLines.Line l = LedgerLines.line(line("3", "12.50", null, "37.50", "5.5"), "EUR");
    assertThat(l.quantity()).isEqualByComparingTo("3");
    assertThat(l.unitPrice()).isEqualByComparingTo("12.50");
    assertThat(l.netAmount()).isEqualByComparingTo("37.50");
    assertThat(l.vatRate()).isEqualByComparingTo("5.5");
  }

  @Test
  void dividesThePriceByItsBaseQuantity() {
    LedgerLines.Line l = LedgerLines.line(line("200", "5.00", "100", "10.00", "20"), "EUR");
    assertThat(l.quantity()).isEqualByComparingTo("200");
    assertThat(l.unitPrice()).isEqualByComparingTo("0.05");
  }

  @Test
  void recordsOneTimesTheNetAmountWhenALineAllowanceChangedIt() {
    // 10 × 100.00 less a 50.00 line allowance: the document says 950.00, so does the ledger
    LedgerLines.Line l = LedgerLines.line(line("10", "100.00", null, "950.00", "20"), "EUR");
    assertThat(l.quantity()).isEqualByComparingTo("1");
    assertThat(l.unitPrice()).isEqualByComparingTo("950.00");
    assertThat(l.netAmount()).isEqualByComparingTo("950.00");
    assertThat(l.description()).isEqualTo("Flour (10 × 100.00)");
  }

  @Test
  void recordsOneTimesTheNetAmountWhenThePriceHasMoreDecimalsThanTheLedger() {
    LedgerLines.Line l = LedgerLines.line(line("3", "0.3333333", null, "1.00", "20"), "EUR");
    assertThat(l.quantity()).isEqualByComparingTo("1");
    assertThat(l.netAmount()).isEqualByComparingTo("1.00");
  }

  @Test
  void allowancesAreNegativeLinesAndChargesPositiveOnes() {
    EDocument.AllowanceCharge allowance =
        new EDocument.AllowanceCharge(false, d("10.00"), "S", d("20"), "Loyalty");
    EDocument.AllowanceCharge charge =
        new EDocument.AllowanceCharge(true, d("15.00"), "S", d("5.5"), null);
    assertThat(LedgerLines.allowanceOrCharge(allowance))
        .isEqualTo(
            new LedgerLines.Line(
                "Allowance: Loyalty", BigDecimal.ONE, d("-10.00"), d("20"), d("-10.00")));
    assertThat(LedgerLines.allowanceOrCharge(charge).netAmount()).isEqualByComparingTo("15.00");
    assertThat(LedgerLines.allowanceOrCharge(charge).description()).isEqualTo("Charge");
  }

  @Test
  void aCategoryWithoutRateIsRecordedAtZero() {
    EDocument.Line notSubject =
        new EDocument.Line("1", null, d("1"), d("60.00"), null, d("60.00"), "O", null);
    LedgerLines.Line l = LedgerLines.line(notSubject, "EUR");
    assertThat(l.vatRate()).isEqualByComparingTo("0");
    assertThat(l.description()).isEqualTo("Line 1");
  }

  @Test
  void linesKeepTheCategoriesTheLedgerIssuesAndTheirExemptionReason() {
    EDocument d =
        new EDocument(
            EDocument.Syntax.CII,
            false,
            "380",
            "F-1",
            java.time.LocalDate.of(2026, 11, 2),
            null,
            "EUR",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(
                new EDocument.Line("1", "a", d("1"), d("10"), null, d("10"), "S", d("20")),
                new EDocument.Line("2", "b", d("1"), d("10"), null, d("10"), "E", d("0")),
                new EDocument.Line("3", "c", d("1"), d("10"), null, d("10"), "L", d("7"))),
            List.of(
                new EDocument.VatSubtotal("S", d("20"), d("10"), d("2"), null),
                new EDocument.VatSubtotal("E", d("0"), d("10"), d("0"), "Article 261 C CGI")),
            List.of(new EDocument.AllowanceCharge(false, d("1"), "S", d("20"), null)),
            null);
    assertThat(LedgerLines.categories(d))
        .containsExactly(VatCategory.S, VatCategory.E, null, VatCategory.S);
    assertThat(LedgerLines.exemptionReason(d, VatCategory.E)).isEqualTo("Article 261 C CGI");
    assertThat(LedgerLines.exemptionReason(d, VatCategory.K)).isNull();
  }

  @Test
  void longDescriptionsAreCutToTheLedgersLimit() {
    assertThat(LedgerLines.truncate("x".repeat(800))).hasSize(500);
    assertThat(List.of(LedgerLines.truncate("short"))).containsExactly("short");
  }
}
