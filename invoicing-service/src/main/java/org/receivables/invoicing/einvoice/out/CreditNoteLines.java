package org.receivables.invoicing.einvoice.out;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receivables.invoicing.invoice.InvoiceLine;
import org.receivables.invoicing.invoice.VatCategory;
import org.receivables.kit.money.Money;

/**
 * The lines of a credit note as an e-invoice. Our credit notes hold one amount including VAT; an EN
 * 16931 credit note states net amounts per VAT category and rate. The amount is spread over the
 * credited invoice's categories and rates in proportion to their gross amounts (the last one takes
 * what rounding leaves), and each share is split into a net amount whose VAT, rounded as EN 16931
 * rounds it, adds back up to the share. When no net amount does (VAT rounding skips some totals),
 * the cent left over is the document's rounding amount (BT-114), so the amount due (BT-115) is
 * always the credit note's own amount.
 */
public final class CreditNoteLines {

  /** One line of the credit note: a category, rate and exemption reason with its net amount. */
  public record Line(
      VatCategory category, BigDecimal vatRate, String exemptionReason, BigDecimal net) {}

  /** The lines and the rounding amount (BT-114, zero in most cases). */
  public record Split(List<Line> lines, BigDecimal rounding) {}

  private record Group(VatCategory category, BigDecimal vatRate, String exemptionReason) {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CreditNoteLines() {}

  public static Split of(List<InvoiceLine> invoiceLines, BigDecimal amount, String currency) {
    int scale = Money.decimals(currency);
    Map<Group, BigDecimal> gross = new LinkedHashMap<>();
    for (InvoiceLine l : invoiceLines) {
      Group g = new Group(l.category(), l.vatRate.stripTrailingZeros(), l.vatExemptionReason);
      gross.merge(g, l.netAmount.add(vat(l.netAmount, g.vatRate(), scale)), BigDecimal::add);
    }
    gross.values().removeIf(v -> v.signum() <= 0);
    if (gross.isEmpty()) {
      InvoiceLine first = invoiceLines.get(0);
      gross.put(
          new Group(first.category(), first.vatRate.stripTrailingZeros(), first.vatExemptionReason),
          BigDecimal.ONE);
    }
    BigDecimal weight = gross.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Line> lines = new ArrayList<>();
    BigDecimal allocated = BigDecimal.ZERO;
    BigDecimal rounding = BigDecimal.ZERO.setScale(scale);
    int n = 0;
    for (Map.Entry<Group, BigDecimal> e : gross.entrySet()) {
      boolean last = ++n == gross.size();
      BigDecimal share =
          last
              ? amount.subtract(allocated)
              : amount.multiply(e.getValue()).divide(weight, scale, RoundingMode.HALF_UP);
      allocated = allocated.add(share);
      if (share.signum() == 0 && !(last && lines.isEmpty())) {
        continue;
      }
      Group g = e.getKey();
      BigDecimal net = net(share, g.vatRate(), scale);
      rounding = rounding.add(share.subtract(net.add(vat(net, g.vatRate(), scale))));
      lines.add(new Line(g.category(), g.vatRate(), g.exemptionReason(), net));
    }
    return new Split(List.copyOf(lines), rounding);
  }

  /** The net amount whose VAT brings it to {@code gross}, or the nearest when none does. */
  static BigDecimal net(BigDecimal gross, BigDecimal rate, int scale) {
    BigDecimal base =
        gross.multiply(HUNDRED).divide(HUNDRED.add(rate), scale, RoundingMode.HALF_UP);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    for (int step : new int[] {0, -1, 1, -2, 2}) {
      BigDecimal candidate = base.add(unit.multiply(BigDecimal.valueOf(step)));
      if (candidate.add(vat(candidate, rate, scale)).compareTo(gross) == 0) {
        return candidate;
      }
    }
    return base;
  }

  /** VAT on a net amount, rounded half-up to the currency's decimals (EN 16931, BR-CO-17). */
  static BigDecimal vat(BigDecimal net, BigDecimal rate, int scale) {
    return net.multiply(rate).divide(HUNDRED, scale, RoundingMode.HALF_UP);
  }
}
