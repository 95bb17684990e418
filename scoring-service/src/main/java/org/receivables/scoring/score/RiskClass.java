package org.receivables.scoring.score;

/** Risk classes, A the safest; each has its own credit policy. */
public enum RiskClass {
  A,
  B,
  C,
  D,
  E
}
