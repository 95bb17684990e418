package org.receivables.invoicing.einvoice.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.receivables.invoicing.cash.AccountCredits;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.read.EDocument;

/**
 * A credit note naming an invoice the tenant does not have (issued before the suite, or elsewhere)
 * is still money the seller owes back: it becomes an unapplied credit (kind CREDIT) on the buyer's
 * account, in cash application's ledger, which the balance counts and which can be applied to an
 * invoice later.
 */
@ApplicationScoped
public class UnappliedCredit {

  /** What {@code customer_account_credit.kind} calls a credit not tied to an invoice. */
  static final String KIND = "CREDIT";

  @Inject AccountCredits credits;

  /** Books the credit note's BT-115 on the customer's account; returns the credit's id. */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID book(String tenantId, Customer customer, EDocument d) {
    String accountCurrency = customer.currency.trim();
    if (!accountCurrency.equals(d.currency())) {
      throw EInvoiceRejection.rule(
          "SUITE-CN-4",
          "the credit note is in "
              + d.currency()
              + " and names no known invoice; the buyer's account is kept in "
              + accountCurrency,
          "BT-5");
    }
    LedgerInvoice.requireMinorUnitsOf(d.currency(), "BT-115", d.totals().payable());
    if (d.totals().payable().signum() <= 0) {
      throw EInvoiceRejection.rule(
          "SUITE-CN-5",
          "a credit note naming no known invoice must credit an amount (BT-115)",
          "BT-115");
    }
    return credits.add(
        tenantId,
        customer.id,
        KIND,
        d.currency(),
        d.totals().payable(),
        d.issueDate(),
        "e-invoice credit note " + d.number() + " for invoice " + d.precedingInvoice());
  }

  /** The credit note's reason as the ledger keeps it: its notes (BT-22), else its number. */
  public static String reason(EDocument d) {
    String reason =
        d.notes().isEmpty() ? "E-invoice credit note " + d.number() : String.join(" / ", d.notes());
    return reason.length() > 500 ? reason.substring(0, 500) : reason;
  }
}
