package org.receivables.invoicing.invoice;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The invoice status rules in one place: which operation each status allows, and which status the
 * settlement figures lead to. Services ask here before they change anything, so no path can, say,
 * pay a cancelled invoice.
 *
 * <pre>
 *   OPEN ──pay part──▶ PARTIALLY_PAID ──pay rest──▶ PAID
 *    │  ◀──reversal──┘        ▲   ◀──────reversal───────┘
 *    ├──cancel (no payment)──▶ CANCELLED
 *    └──write off (OPEN or PARTIALLY_PAID)──▶ WRITTEN_OFF
 * </pre>
 *
 * A credit note that brings the outstanding to zero settles the invoice (PAID): nothing is owed.
 */
public final class InvoiceLifecycle {

  /** What can be done to an invoice. */
  public enum Operation {
    PAY,
    REVERSE_PAYMENT,
    CANCEL,
    WRITE_OFF,
    ISSUE_CREDIT_NOTE,
    OPEN_DISPUTE,
    CHANGE_DUE_DATE
  }

  private InvoiceLifecycle() {}

  /**
   * Why {@code operation} is refused for an invoice in {@code status}, or empty when allowed.
   *
   * @param amountPaid what customers paid on it so far (net of reversals)
   */
  public static Optional<String> refusal(
      InvoiceStatus status, Operation operation, BigDecimal amountPaid) {
    boolean open = status.isOpen();
    return switch (operation) {
      case PAY, ISSUE_CREDIT_NOTE, OPEN_DISPUTE, CHANGE_DUE_DATE, WRITE_OFF ->
          open ? Optional.empty() : Optional.of(notAllowed(operation, status));
      case REVERSE_PAYMENT ->
          open || status == InvoiceStatus.PAID
              ? Optional.empty()
              : Optional.of(notAllowed(operation, status));
      case CANCEL -> {
        if (!open) {
          yield Optional.of(notAllowed(operation, status));
        }
        yield amountPaid.signum() > 0
            ? Optional.of("an invoice with payments cannot be cancelled; issue a credit note")
            : Optional.empty();
      }
    };
  }

  /**
   * The status that the settlement figures give an invoice that money can still move on.
   *
   * @param settledOtherwise discounts granted plus credit notes
   */
  public static InvoiceStatus afterSettlement(
      BigDecimal total, BigDecimal amountPaid, BigDecimal settledOtherwise) {
    BigDecimal remaining = total.subtract(amountPaid).subtract(settledOtherwise);
    if (remaining.signum() <= 0) {
      return InvoiceStatus.PAID;
    }
    return amountPaid.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
  }

  private static String notAllowed(Operation operation, InvoiceStatus status) {
    String what =
        switch (operation) {
          case PAY -> "take a payment";
          case REVERSE_PAYMENT -> "reverse a payment";
          case CANCEL -> "be cancelled";
          case WRITE_OFF -> "be written off";
          case ISSUE_CREDIT_NOTE -> "take a credit note";
          case OPEN_DISPUTE -> "be disputed";
          case CHANGE_DUE_DATE -> "have its due date changed";
        };
    return "a " + status + " invoice cannot " + what;
  }
}
