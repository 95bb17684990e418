package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How the transfer's amount relates to the invoices a candidate would pay: exactly their
 * outstanding, the outstanding less the early-payment discount earned on the booking day, short by
 * no more than the bank-fee tolerance, or a partial or over-payment (not evidence, but allowed).
 */
public final class AmountEvidence {

  static final double EXACT = 0.5;
  static final double WITHIN_FEES = 0.4;

  /**
   * The amount is owed by one open invoice of the whole book and no other: weak, but with the exact
   * amount and a payer named exactly as the customer (legal form, case, accents aside) it reaches
   * the default threshold; with a name that merely resembles, it stays a suggestion.
   */
  static final double SOLE = 0.52;

  /** How the amount fits. */
  public enum Fit {
    EXACT,
    DISCOUNTED,
    WITHIN_FEES,
    PARTIAL,
    OVER
  }

  /** The fit, its strength as evidence and the reason shown. */
  public record Assessment(Fit fit, double strength, String reason) {}

  /** The part of a transfer applied to one invoice. */
  public record Allocation(UUID invoiceId, BigDecimal amount) {}

  /** Allocations in the given order, and what is left for the customer's account. */
  public record Split(List<Allocation> allocations, BigDecimal onAccount) {}

  private AmountEvidence() {}

  public static Assessment assess(BigDecimal amount, List<OpenInvoice> invoices, BigDecimal fees) {
    BigDecimal owed = sum(invoices, false);
    BigDecimal settling = sum(invoices, true);
    String numbers = invoices.stream().map(OpenInvoice::number).collect(Collectors.joining(", "));
    if (amount.compareTo(owed) == 0) {
      return new Assessment(Fit.EXACT, EXACT, "amount equals the outstanding of " + numbers);
    }
    if (settling.compareTo(owed) < 0 && amount.compareTo(settling) == 0) {
      return new Assessment(
          Fit.DISCOUNTED,
          EXACT,
          "amount equals the outstanding of " + numbers + " less the early-payment discount");
    }
    if (amount.compareTo(settling) < 0
        && amount.compareTo(settling.subtract(fees)) >= 0
        && fees.signum() > 0) {
      return new Assessment(
          Fit.WITHIN_FEES,
          WITHIN_FEES,
          "amount is "
              + settling.subtract(amount).toPlainString()
              + " short of the outstanding of "
              + numbers
              + ", within the bank-fee tolerance "
              + fees.toPlainString());
    }
    if (amount.compareTo(owed) < 0) {
      return new Assessment(
          Fit.PARTIAL,
          0,
          "partial payment: " + amount.toPlainString() + " of " + owed.toPlainString() + " owed");
    }
    return new Assessment(
        Fit.OVER,
        0,
        "over-payment: "
            + amount.subtract(owed).toPlainString()
            + " more than owed stays on account");
  }

  /**
   * A clue for the one invoice among {@code owing} (the book's open invoices owing the amount or up
   * to the fee tolerance more) when it owes exactly the amount and is the only one; else none.
   */
  public static List<Clue> sole(BigDecimal amount, List<OpenInvoice> owing) {
    if (owing.size() != 1 || owing.get(0).outstanding().compareTo(amount) != 0) {
      return List.of();
    }
    return List.of(
        Clue.forInvoice(
            owing.get(0),
            SOLE,
            "no other open invoice owes "
                + amount.toPlainString()
                + " (nor up to the fee tolerance more)"));
  }

  /**
   * Spreads {@code amount} over the invoices in order: each gets what settles it (less its discount
   * when the amount was the discounted total), until the money runs out; the rest is on account.
   */
  public static Split split(BigDecimal amount, List<OpenInvoice> invoices, Fit fit) {
    List<Allocation> out = new ArrayList<>();
    BigDecimal left = amount;
    for (OpenInvoice i : invoices) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal target = fit == Fit.DISCOUNTED ? i.settlingAmount() : i.outstanding();
      BigDecimal pay = left.min(target);
      if (pay.signum() > 0) {
        out.add(new Allocation(i.id(), pay));
        left = left.subtract(pay);
      }
    }
    return new Split(out, left);
  }

  private static BigDecimal sum(List<OpenInvoice> invoices, boolean settling) {
    BigDecimal s = BigDecimal.ZERO;
    for (OpenInvoice i : invoices) {
      s = s.add(settling ? i.settlingAmount() : i.outstanding());
    }
    return s;
  }
}
