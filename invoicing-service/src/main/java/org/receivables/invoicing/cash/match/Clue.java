package org.receivables.invoicing.cash.match;

import java.util.UUID;

/**
 * One piece of evidence: a transfer points at an invoice (or at a customer, when {@code invoice} is
 * null) with a strength in [0, 1] and a sentence a collector can check.
 */
public record Clue(OpenInvoice invoice, UUID customerId, double strength, String reason) {

  public static Clue forInvoice(OpenInvoice invoice, double strength, String reason) {
    return new Clue(invoice, invoice.customerId(), strength, reason);
  }

  public static Clue forCustomer(UUID customerId, double strength, String reason) {
    return new Clue(null, customerId, strength, reason);
  }
}
