package org.receivables.invoicing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTotalsTest {

  private static InvoiceTotals.Line line(String qty, String price, String rate) {
    return new InvoiceTotals.Line(new BigDecimal(qty), new BigDecimal(price), new BigDecimal(rate));
  }

  @Test
  void apiExampleOneRate() {
    var totals = InvoiceTotals.of(List.of(line("1", "1000.00", "20")), "EUR");
    assertThat(totals.totalExclTax()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(totals.totalTax()).isEqualTo(new BigDecimal("200.00"));
    assertThat(totals.totalInclTax()).isEqualTo(new BigDecimal("1200.00"));
  }

  @Test
  void vatIsRoundedOncePerRateNotPerLine() {
    // 3 lines of 0.05 at 20 %: per line VAT 0.01 each (0.03), per rate 0.15 * 20 % = 0.03.
    // 7 lines of 0.07 at 5.5 %: per line 0.00385 -> 0.00 each, per rate 0.49 * 5.5 % = 0.02695 ->
    // 0.03
    List<InvoiceTotals.Line> lines = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      lines.add(line("1", "0.07", "5.5"));
    }
    var totals = InvoiceTotals.of(lines, "EUR");
    assertThat(totals.totalExclTax()).isEqualTo(new BigDecimal("0.49"));
    assertThat(totals.totalTax()).isEqualTo(new BigDecimal("0.03"));
  }

  @Test
  void severalRatesGiveOneBreakdownEach() {
    var totals =
        InvoiceTotals.of(
            List.of(
                line("2", "10.00", "20"),
                line("3", "4.99", "5.5"),
                line("1", "100", "0"),
                line("1", "5.00", "20.0")),
            "EUR");
    assertThat(totals.vatBreakdown())
        .extracting(
            b -> b.vatRate().toPlainString(),
            b -> b.taxableAmount().toPlainString(),
            b -> b.taxAmount().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0", "100.00", "0.00"),
            org.assertj.core.groups.Tuple.tuple("5.5", "14.97", "0.82"),
            org.assertj.core.groups.Tuple.tuple("20", "25.00", "5.00"));
    assertThat(totals.totalExclTax()).isEqualTo(new BigDecimal("139.97"));
    assertThat(totals.totalTax()).isEqualTo(new BigDecimal("5.82"));
    assertThat(totals.totalInclTax()).isEqualTo(new BigDecimal("145.79"));
  }

  @Test
  void lineNetIsRoundedHalfUpToTheCurrency() {
    assertThat(InvoiceTotals.lineNet(line("3", "0.335", "20"), "EUR"))
        .isEqualTo(new BigDecimal("1.01"));
    assertThat(InvoiceTotals.lineNet(line("0.5", "0.01", "20"), "EUR"))
        .isEqualTo(new BigDecimal("0.01"));
  }

  @Test
  void currenciesWithoutDecimals() {
    var totals = InvoiceTotals.of(List.of(line("3", "333", "10"), line("1", "5", "10")), "JPY");
    assertThat(totals.totalExclTax()).isEqualTo(new BigDecimal("1004"));
    assertThat(totals.totalTax()).isEqualTo(new BigDecimal("100"));
    assertThat(totals.totalInclTax()).isEqualTo(new BigDecimal("1104"));
  }

  @Test
  void zeroRateOnly() {
    var totals =
        InvoiceTotals.of(List.of(line("2", "49.995", "0"), line("1", "0.01", "0.0")), "EUR");
    assertThat(totals.vatBreakdown()).hasSize(1);
    assertThat(totals.totalExclTax()).isEqualTo(new BigDecimal("100.00"));
    assertThat(totals.totalTax()).isEqualTo(new BigDecimal("0.00"));
    assertThat(totals.totalInclTax()).isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void jpyRoundsVatPerRateToWholeYen() {
    // 8 % and 10 % (Japanese reduced and standard rates): 333 * 8 % = 26.64 -> 27; 999 * 10 % =
    // 99.9 -> 100
    var totals = InvoiceTotals.of(List.of(line("1", "333", "8"), line("1", "999", "10")), "JPY");
    assertThat(totals.totalTax()).isEqualTo(new BigDecimal("127"));
    assertThat(totals.totalInclTax()).isEqualTo(new BigDecimal("1459"));
  }
}
