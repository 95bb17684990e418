package org.receivables.invoicing.cash.match;

import java.util.List;

/** The matcher's verdict on one transfer: the status, the ranked candidates and why. */
public record Decision(
    EntryStatus status, Candidate chosen, List<Candidate> candidates, List<String> reasons) {

  public double confidence() {
    return chosen != null
        ? chosen.confidence()
        : candidates.isEmpty() ? 0 : candidates.get(0).confidence();
  }
}
