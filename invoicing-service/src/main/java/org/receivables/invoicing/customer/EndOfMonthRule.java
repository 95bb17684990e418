package org.receivables.invoicing.customer;

/**
 * The two French readings of "N jours fin de mois". Both are lawful; the contract must say which
 * one applies, so the suite never guesses.
 */
public enum EndOfMonthRule {
  /** Net terms: due N days after the invoice date. */
  NONE,
  /** Add N days to the invoice date, then go to the end of that month (the most common reading). */
  DAYS_THEN_END_OF_MONTH,
  /** Go to the end of the invoice's month, then add N days. */
  END_OF_MONTH_THEN_DAYS
}
