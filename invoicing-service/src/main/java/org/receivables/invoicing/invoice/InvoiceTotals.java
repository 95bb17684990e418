package org.receivables.invoicing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.receivables.kit.money.Money;

/**
 * Invoice totals as EN 16931 computes them: each line's net amount is rounded to the currency, line
 * amounts are summed per VAT rate, and VAT is computed and rounded (half-up) once per rate, never
 * per line. Rounding per line would make a 100-line invoice disagree with the customer's books.
 */
public record InvoiceTotals(
    List<VatBreakdown> vatBreakdown,
    BigDecimal totalExclTax,
    BigDecimal totalTax,
    BigDecimal totalInclTax) {

  /** A line as the totals need it; {@code vatRate} is in percent (20 for 20 %). */
  public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {}

  /** The taxable base and VAT of one rate. */
  public record VatBreakdown(BigDecimal vatRate, BigDecimal taxableAmount, BigDecimal taxAmount) {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static BigDecimal lineNet(Line line, String currency) {
    return Money.round(line.quantity().multiply(line.unitPrice()), currency);
  }

  public static InvoiceTotals of(List<Line> lines, String currency) {
    Map<BigDecimal, BigDecimal> basePerRate = new TreeMap<>();
    for (Line line : lines) {
      basePerRate.merge(
          line.vatRate().stripTrailingZeros(), lineNet(line, currency), BigDecimal::add);
    }
    List<VatBreakdown> breakdown = new ArrayList<>();
    BigDecimal excl = Money.zero(currency);
    BigDecimal tax = Money.zero(currency);
    for (Map.Entry<BigDecimal, BigDecimal> rate : basePerRate.entrySet()) {
      BigDecimal base = rate.getValue();
      BigDecimal vat =
          base.multiply(rate.getKey())
              .divide(HUNDRED, Money.decimals(currency), RoundingMode.HALF_UP);
      breakdown.add(new VatBreakdown(plainRate(rate.getKey()), base, vat));
      excl = excl.add(base);
      tax = tax.add(vat);
    }
    return new InvoiceTotals(List.copyOf(breakdown), excl, tax, excl.add(tax));
  }

  private static BigDecimal plainRate(BigDecimal rate) {
    return rate.scale() < 0 ? rate.setScale(0) : rate;
  }
}
