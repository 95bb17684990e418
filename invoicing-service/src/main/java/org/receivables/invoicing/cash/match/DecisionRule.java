package org.receivables.invoicing.cash.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Conservative by design, since a wrong automatic match is worse than none: a transfer is applied
 * automatically only when its best candidate reaches the tenant's threshold, clears the next one by
 * the ambiguity margin and actually pays an invoice. Anything else is left to a collector, with the
 * candidates ranked.
 */
public final class DecisionRule {

  private DecisionRule() {}

  public static Decision decide(
      List<Candidate> candidates, double threshold, double margin, List<String> notes) {
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    List<String> reasons = new ArrayList<>();
    if (ranked.isEmpty()) {
      reasons.addAll(notes);
      reasons.add(
          "no reference, invoice number, known payer account or amount points to an invoice");
      return new Decision(EntryStatus.UNMATCHED, null, ranked, reasons);
    }
    Candidate top = ranked.get(0);
    reasons.addAll(top.reasons());
    reasons.addAll(notes);
    if (ranked.size() > 1 && top.confidence() - ranked.get(1).confidence() < margin) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "ambiguous: the next candidate is within %.2f of the best (%.2f against %.2f)",
              margin,
              ranked.get(1).confidence(),
              top.confidence()));
      return new Decision(EntryStatus.SUGGESTED, null, ranked, reasons);
    }
    if (top.confidence() < threshold) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "confidence %.2f is below the auto-apply threshold %.2f",
              top.confidence(),
              threshold));
      return new Decision(EntryStatus.SUGGESTED, null, ranked, reasons);
    }
    if (top.allocations().isEmpty()) {
      reasons.add("the payer is known but no open invoice fits: a collector decides");
      return new Decision(EntryStatus.SUGGESTED, null, ranked, reasons);
    }
    return new Decision(EntryStatus.MATCHED, top, ranked, reasons);
  }
}
