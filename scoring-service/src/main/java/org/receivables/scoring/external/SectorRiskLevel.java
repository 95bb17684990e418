package org.receivables.scoring.external;

/** How risky a tenant judges a sector (the customer's segment) to be. */
public enum SectorRiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  VERY_HIGH
}
