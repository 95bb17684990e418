package org.receivables.dunning.commitment;

/** Where a payment plan stands. */
public enum PlanStatus {
  ACTIVE,
  COMPLETED,
  BROKEN
}
