package org.receivables.invoicing.einvoice.lifecycle;

import java.math.BigDecimal;
import java.util.Optional;
import org.receivables.invoicing.invoice.InvoiceStatus;

/**
 * What a platform's lifecycle status does to an invoice, in one place: "in dispute" opens a
 * dispute, "refused" cancels or disputes as the tenant configured, "paid" is the ledger's own (it
 * follows the settlement that leaves nothing to pay on an invoice money was collected on; a
 * platform does not report it to us), and nothing follows a terminal status, except that a payment
 * reversed after PAID reopens the lifecycle (the invoice owes again; its next settlement emits PAID
 * again). Every other status is recorded for the record only.
 */
public final class LifecycleRules {

  /** What the tenant wants a refusal to mean (invoicing.e-invoice.refused-means.tenant). */
  public enum RefusalMeans {
    /** The buyer's refusal is final: cancel the invoice (a dispute when it holds payments). */
    CANCEL,
    /** The refusal is negotiated: open a dispute, so that dunning pauses. */
    DISPUTE
  }

  /** What recording a status did to the invoice. */
  public enum Effect {
    NONE,
    DISPUTE_OPENED,
    ALREADY_DISPUTED,
    INVOICE_CANCELLED
  }

  /** The invoice as the rules see it. */
  public record Facts(
      InvoiceStatus status,
      boolean disputed,
      BigDecimal amountPaid,
      Optional<LifecycleStatus> lastTerminal) {}

  /** Either the effect to apply, or why the status is refused (a 409 or 422). */
  public record Decision(Effect effect, int refusalStatus, String refusal) {
    static Decision apply(Effect effect) {
      return new Decision(effect, 0, null);
    }

    static Decision refuse(int status, String why) {
      return new Decision(null, status, why);
    }

    public boolean refused() {
      return refusal != null;
    }
  }

  private LifecycleRules() {}

  /**
   * Whether the ledger emits PAID (212, encaissée) now: the invoice is settled and money was
   * collected on it (a payment, or BT-113 of a document that arrived paid). "Encaissée" reports a
   * collection: an invoice settled by a credit note alone, or written off, collected nothing, so it
   * gets no 212 (a write-off leaves the invoice WRITTEN_OFF, never PAID).
   */
  public static boolean paidStatusDue(InvoiceStatus status, BigDecimal amountPaid) {
    return status == InvoiceStatus.PAID && amountPaid.signum() > 0;
  }

  /**
   * The terminal status that ends the invoice's lifecycle, if any: a PAID no longer holds once a
   * reversed payment made the invoice owe again.
   */
  static Optional<LifecycleStatus> ended(Facts invoice) {
    return invoice
        .lastTerminal()
        .filter(t -> t != LifecycleStatus.PAID || invoice.status() == InvoiceStatus.PAID);
  }

  /** The decision for a status a platform reports. */
  public static Decision forPlatform(LifecycleStatus status, Facts invoice, RefusalMeans refusal) {
    if (status == LifecycleStatus.PAID) {
      return Decision.refuse(
          422,
          "PAID (212, encaissée) is emitted by the ledger when the invoice is paid in full; record"
              + " the payment instead");
    }
    if (ended(invoice).isPresent()) {
      LifecycleStatus last = ended(invoice).get();
      return Decision.refuse(
          409,
          "the invoice's lifecycle ended with "
              + last
              + " ("
              + last.code()
              + "); no status follows it");
    }
    return switch (status) {
      case IN_DISPUTE -> dispute(invoice);
      case REFUSED ->
          cancellable(invoice, refusal)
              ? Decision.apply(Effect.INVOICE_CANCELLED)
              : dispute(invoice);
      default -> Decision.apply(Effect.NONE);
    };
  }

  /** A refusal cancels only what can be cancelled: open, nothing paid, no dispute running. */
  private static boolean cancellable(Facts invoice, RefusalMeans refusal) {
    return refusal == RefusalMeans.CANCEL
        && invoice.status().isOpen()
        && invoice.amountPaid().signum() == 0
        && !invoice.disputed();
  }

  private static Decision dispute(Facts invoice) {
    if (invoice.disputed()) {
      return Decision.apply(Effect.ALREADY_DISPUTED);
    }
    if (!invoice.status().isOpen()) {
      return Decision.refuse(
          409, "a " + invoice.status() + " invoice cannot be disputed; nothing is owed on it");
    }
    return Decision.apply(Effect.DISPUTE_OPENED);
  }
}
