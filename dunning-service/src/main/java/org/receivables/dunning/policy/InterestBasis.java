package org.receivables.dunning.policy;

/** Which late-payment interest a policy claims. */
public enum InterestBasis {
  /** Code de commerce L441-10: ECB main refinancing rate of the half-year + 10 points. */
  FR_LEGAL,
  /** Directive 2011/7/EU article 2(6): the ECB reference rate of the half-year + 8 points. */
  EU_DIRECTIVE,
  /** The rate the contract sets (annual, percent). */
  CONTRACTUAL
}
