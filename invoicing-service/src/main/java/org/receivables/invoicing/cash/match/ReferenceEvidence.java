package org.receivables.invoicing.cash.match;

import java.util.ArrayList;
import java.util.List;
import org.receivables.invoicing.cash.CreditorReference;

/**
 * The strongest evidence: an ISO 11649 reference whose check digits hold and that names an open
 * invoice. A reference that fails its check digits is a typo, never a guess, and says so.
 */
public final class ReferenceEvidence {

  static final double STRENGTH = 0.97;

  private ReferenceEvidence() {}

  public static List<Clue> find(Transfer t, Book book, List<String> notes) {
    for (String bad : CreditorReference.invalidIn(t.remittance())) {
      notes.add("\"" + bad + "\" looks like an RF reference but its check digits are wrong");
    }
    List<String> refs = CreditorReference.findIn(t.remittance());
    List<Clue> clues = new ArrayList<>();
    if (refs.isEmpty()) {
      return clues;
    }
    List<OpenInvoice> found = book.byReferences(refs, t.bookingDate());
    for (OpenInvoice i : found) {
      clues.add(
          Clue.forInvoice(
              i,
              STRENGTH,
              "RF reference "
                  + i.paymentReference()
                  + " (check digits valid) is invoice "
                  + i.number()));
    }
    if (found.size() < refs.size()) {
      notes.add("an RF reference in the text names no open invoice");
    }
    return clues;
  }
}
