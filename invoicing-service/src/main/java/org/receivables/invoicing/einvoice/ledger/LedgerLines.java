package org.receivables.invoicing.einvoice.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.receivables.invoicing.einvoice.read.EDocument;
import org.receivables.invoicing.invoice.VatCategory;
import org.receivables.kit.money.Money;

/**
 * Turns a document's lines, allowances and charges into ledger lines whose figures are the
 * document's own. A line keeps its quantity and net price (BT-146 / BT-149) when their product is
 * exactly the line net amount (BT-131); otherwise (line allowances or charges, prices with more
 * decimals than the ledger keeps) it is recorded as 1 × BT-131, so that no amount is recomputed.
 * Document-level allowances (BG-20) and charges (BG-21) become lines of their own (negative for
 * allowances), so the lines per VAT rate add up to the document's taxable amounts (BT-116).
 */
public final class LedgerLines {

  /**
   * One ledger line; {@code vatRate} in percent, 0 for categories without a rate (E, AE, K, G, O).
   */
  public record Line(
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal netAmount) {}

  /** The ledger keeps quantities and unit prices with 6 decimals (numeric(19, 6)). */
  static final int LEDGER_SCALE = 6;

  private LedgerLines() {}

  public static List<Line> of(EDocument document) {
    String currency = document.currency();
    List<Line> lines = new ArrayList<>();
    for (EDocument.Line line : document.lines()) {
      lines.add(line(line, currency));
    }
    for (EDocument.AllowanceCharge ac : document.allowancesCharges()) {
      lines.add(allowanceOrCharge(ac));
    }
    return lines;
  }

  /**
   * The EN 16931 category of each ledger line, in the order of {@link #of}: the document's own when
   * the ledger issues it (S with a rate, Z, E, AE, K, G, O without), else null (L and M keep the
   * category their rate implies).
   */
  public static List<VatCategory> categories(EDocument document) {
    List<VatCategory> categories = new ArrayList<>();
    for (EDocument.Line line : document.lines()) {
      categories.add(category(line.vatCategory(), line.vatRate()));
    }
    for (EDocument.AllowanceCharge ac : document.allowancesCharges()) {
      categories.add(category(ac.vatCategory(), ac.vatRate()));
    }
    return categories;
  }

  static VatCategory category(String code, BigDecimal vatRate) {
    boolean rated = vatRate != null && vatRate.signum() > 0;
    return VatCategory.parse(code).filter(c -> (c == VatCategory.S) == rated).orElse(null);
  }

  /** The exemption reason (BT-120) the document's VAT breakdown gives a category, if any. */
  public static String exemptionReason(EDocument document, VatCategory category) {
    return document.vatBreakdown().stream()
        .filter(v -> category.name().equals(v.category()) && v.exemptionReason() != null)
        .map(EDocument.VatSubtotal::exemptionReason)
        .findFirst()
        .orElse(null);
  }

  static Line line(EDocument.Line line, String currency) {
    String description = description(line);
    BigDecimal rate = rate(line.vatRate());
    BigDecimal net = line.netAmount();
    BigDecimal unitPrice = unitPrice(line.netPrice(), line.baseQuantity());
    if (line.quantity() != null
        && unitPrice != null
        && line.quantity().scale() <= LEDGER_SCALE
        && Money.round(line.quantity().multiply(unitPrice), currency).compareTo(net) == 0) {
      return new Line(description, line.quantity(), unitPrice, rate, net);
    }
    String asSent =
        line.quantity() == null || line.netPrice() == null
            ? ""
            : " ("
                + line.quantity().toPlainString()
                + " × "
                + line.netPrice().toPlainString()
                + ")";
    return new Line(truncate(description + asSent), BigDecimal.ONE, net, rate, net);
  }

  static Line allowanceOrCharge(EDocument.AllowanceCharge ac) {
    BigDecimal amount = ac.charge() ? ac.amount() : ac.amount().negate();
    String what = ac.charge() ? "Charge" : "Allowance";
    String description = ac.reason() == null ? what : what + ": " + ac.reason();
    return new Line(truncate(description), BigDecimal.ONE, amount, rate(ac.vatRate()), amount);
  }

  /** BT-146 / BT-149, when exact within the ledger's 6 decimals; else null. */
  static BigDecimal unitPrice(BigDecimal netPrice, BigDecimal baseQuantity) {
    if (netPrice == null) {
      return null;
    }
    BigDecimal base =
        baseQuantity == null || baseQuantity.signum() == 0 ? BigDecimal.ONE : baseQuantity;
    try {
      BigDecimal price = netPrice.divide(base).stripTrailingZeros();
      return price.scale() <= LEDGER_SCALE ? price.setScale(Math.max(price.scale(), 0)) : null;
    } catch (ArithmeticException nonTerminating) {
      BigDecimal rounded = netPrice.divide(base, LEDGER_SCALE, RoundingMode.HALF_UP);
      return rounded.multiply(base).compareTo(netPrice) == 0 ? rounded : null;
    }
  }

  private static BigDecimal rate(BigDecimal rate) {
    return rate == null ? BigDecimal.ZERO : rate;
  }

  private static String description(EDocument.Line line) {
    if (line.name() != null) {
      return truncate(line.name());
    }
    return "Line " + (line.id() == null ? "" : line.id());
  }

  /** The ledger's descriptions are at most 500 characters, as for JSON invoices. */
  static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 499) + "…";
  }
}
