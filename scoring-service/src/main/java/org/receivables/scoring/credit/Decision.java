package org.receivables.scoring.credit;

/** The answer to a credit request: the worst outcome of every rule wins. */
public enum Decision {
  APPROVE,
  REVIEW,
  REJECT;

  Decision worst(Decision other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
