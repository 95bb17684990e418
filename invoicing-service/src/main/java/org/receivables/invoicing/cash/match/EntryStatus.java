package org.receivables.invoicing.cash.match;

/** Where a bank entry stands in cash application. */
public enum EntryStatus {
  /** Applied: payments recorded (automatically above the threshold, or by a collector). */
  MATCHED,
  /**
   * Candidates exist but none is certain enough, or two are equally likely: a collector decides.
   */
  SUGGESTED,
  /** Nothing points anywhere. */
  UNMATCHED,
  /** A debit, a returned transfer or a pending entry: recorded, never matched. */
  IGNORED
}
