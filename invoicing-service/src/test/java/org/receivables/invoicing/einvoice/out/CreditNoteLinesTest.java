package org.receivables.invoicing.einvoice.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.invoice.InvoiceLine;
import org.receivables.invoicing.invoice.VatCategory;

class CreditNoteLinesTest {

  static InvoiceLine line(String net, String rate, VatCategory category) {
    InvoiceLine l = new InvoiceLine();
    l.description = "x";
    l.quantity = BigDecimal.ONE;
    l.unitPrice = new BigDecimal(net);
    l.netAmount = new BigDecimal(net);
    l.vatRate = new BigDecimal(rate);
    l.vatCategory = category.name();
    return l;
  }

  /** What the lines and the rounding state as due: net + VAT per line, plus rounding. */
  static BigDecimal due(CreditNoteLines.Split split) {
    BigDecimal sum = split.rounding();
    for (CreditNoteLines.Line l : split.lines()) {
      sum = sum.add(l.net()).add(CreditNoteLines.vat(l.net(), l.vatRate(), 2));
    }
    return sum;
  }

  @Test
  void oneRateSplitsTheAmountIntoNetAndVat() {
    CreditNoteLines.Split split =
        CreditNoteLines.of(
            List.of(line("1000.00", "20", VatCategory.S)), new BigDecimal("120.00"), "EUR");
    assertThat(split.lines()).hasSize(1);
    assertThat(split.lines().get(0).net()).isEqualByComparingTo("100.00");
    assertThat(split.rounding()).isZero();
  }

  @Test
  void anAmountNoNetReachesKeepsItsCentAsRounding() {
    // at 20 %: 1.05 + 0.21 = 1.26 and 1.06 + 0.21 = 1.27, 1.07 + 0.21 = 1.28, 1.08 + 0.22 = 1.30:
    // 1.29 has no net amount
    CreditNoteLines.Split split =
        CreditNoteLines.of(
            List.of(line("1000.00", "20", VatCategory.S)), new BigDecimal("1.29"), "EUR");
    assertThat(split.rounding().abs()).isEqualByComparingTo("0.01");
    assertThat(due(split)).isEqualByComparingTo("1.29");
  }

  @Test
  void severalRatesAndCategoriesShareTheAmountByTheirGross() {
    List<InvoiceLine> lines =
        List.of(
            line("100.00", "20", VatCategory.S),
            line("300.00", "0", VatCategory.E),
            line("50.00", "20", VatCategory.S));
    // gross 180 at S 20 %, 300 at E: 480
    CreditNoteLines.Split split = CreditNoteLines.of(lines, new BigDecimal("48.00"), "EUR");
    assertThat(split.lines())
        .extracting(CreditNoteLines.Line::category)
        .containsExactly(VatCategory.S, VatCategory.E);
    assertThat(split.lines().get(0).net()).isEqualByComparingTo("15.00");
    assertThat(split.lines().get(1).net()).isEqualByComparingTo("30.00");
    assertThat(due(split)).isEqualByComparingTo("48.00");
  }

  @Test
  void everyAmountIsStatedExactly() {
    List<InvoiceLine> lines =
        List.of(line("999.99", "5.5", VatCategory.S), line("333.33", "20", VatCategory.S));
    for (int cents = 1; cents < 2000; cents += 7) {
      BigDecimal amount = BigDecimal.valueOf(cents, 2);
      assertThat(due(CreditNoteLines.of(lines, amount, "EUR")))
          .as(amount.toPlainString())
          .isEqualByComparingTo(amount);
    }
  }

  @Test
  void aCurrencyWithoutDecimalsKeepsWholeUnits() {
    CreditNoteLines.Split split =
        CreditNoteLines.of(
            List.of(line("10000", "10", VatCategory.S)), new BigDecimal("1100"), "JPY");
    assertThat(split.lines().get(0).net()).isEqualByComparingTo("1000");
    assertThat(split.lines().get(0).net().scale()).isZero();
  }
}
