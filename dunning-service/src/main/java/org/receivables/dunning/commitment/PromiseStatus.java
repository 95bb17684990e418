package org.receivables.dunning.commitment;

/** Where a promise to pay stands. */
public enum PromiseStatus {
  ACTIVE,
  KEPT,
  BROKEN
}
