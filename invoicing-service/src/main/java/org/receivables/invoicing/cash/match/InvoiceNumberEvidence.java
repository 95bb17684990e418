package org.receivables.invoicing.cash.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Invoice numbers quoted in the transfer text. The whole number (letters and digits) is strong; its
 * digits alone are weaker, since two series ("A-10023", "B-10023") share them. Even the whole
 * number stays below the default threshold on its own: unlike an RF reference it has no check
 * digits, and in a dense series a mistyped number is another customer's invoice (bench/run cash
 * found such wrong automatic matches), so it applies only when the amount or the payer bears it
 * out.
 */
public final class InvoiceNumberEvidence {

  static final double FULL = 0.85;
  static final double DIGITS = 0.75;

  private InvoiceNumberEvidence() {}

  public static List<Clue> find(Transfer t, Book book) {
    InvoiceNumberKeys keys = InvoiceNumberKeys.fromText(t.remittance());
    List<Clue> clues = new ArrayList<>();
    if (keys.alnum().isEmpty() && keys.digits().isEmpty()) {
      return clues;
    }
    for (OpenInvoice i : book.byNumberKeys(keys.alnum(), keys.digits(), t.bookingDate())) {
      if (keys.alnum().contains(InvoiceNumberKeys.alnumKey(i.number()))) {
        clues.add(Clue.forInvoice(i, FULL, "invoice number " + i.number() + " is in the text"));
      } else if (InvoiceNumberKeys.digitKey(i.number()).length() >= InvoiceNumberKeys.MIN_DIGITS
          && keys.digits().contains(InvoiceNumberKeys.digitKey(i.number()))) {
        clues.add(
            Clue.forInvoice(
                i, DIGITS, "the digits of invoice number " + i.number() + " are in the text"));
      }
    }
    return clues;
  }
}
