package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One way to apply a transfer: a customer, the invoices it pays and what stays on account, with the
 * confidence the evidence gives and the reasons behind it.
 */
public record Candidate(
    UUID customerId,
    List<AmountEvidence.Allocation> allocations,
    BigDecimal onAccount,
    double confidence,
    List<String> reasons) {

  /** Evidence combined as independent clues: 1 − Π(1 − strength). */
  public static double combine(List<Double> strengths) {
    double miss = 1;
    for (double s : strengths) {
      miss *= 1 - s;
    }
    return 1 - miss;
  }
}
