package org.receivables.invoicing.cash.match;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The payer's account paid this customer before, in matches a collector confirmed or automatic
 * matches as sure as a valid RF reference ({@link #CONFIRMS}). It names the customer, not the
 * invoice: the amount has to say which.
 */
public final class PayerIbanEvidence {

  static final double STRENGTH = 0.7;

  /**
   * An automatic match at least this sure (a valid RF reference: its check digits leave no doubt
   * about the invoice) confirms the payer's IBAN as a collector's match does.
   */
  public static final double CONFIRMS = ReferenceEvidence.STRENGTH;

  private PayerIbanEvidence() {}

  public static List<Clue> find(Transfer t, Book book) {
    List<Clue> clues = new ArrayList<>();
    if (t.debtorIban() == null || t.debtorIban().isBlank()) {
      return clues;
    }
    for (UUID customer : book.customersPaidFrom(normalise(t.debtorIban()))) {
      clues.add(
          Clue.forCustomer(
              customer,
              STRENGTH,
              "payer IBAN " + normalise(t.debtorIban()) + " paid this customer before"));
    }
    return clues;
  }

  public static String normalise(String iban) {
    return iban.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
  }
}
