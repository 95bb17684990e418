package org.receivables.scoring.ledger;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an applied event changed an input of the customer's score: only then is the customer
 * rescored, once per polled batch. The score reads the customer's currency and segment (its
 * sector), its invoices' dates and amounts, their settlements and cancellations, disputes and
 * dunning's broken commitments and escalations; a customer's name, or the same fact delivered again
 * under another event id, changes nothing it reads.
 */
public final class InputChange {

  private InputChange() {}

  /**
   * A registration or update changes the score's inputs when the customer is new to scoring or its
   * currency or segment moved.
   */
  public static boolean customer(
      Optional<CustomerRepository.Customer> before, String segment, String currency) {
    return before.isEmpty()
        || !Objects.equals(before.get().segment(), segment)
        || !Objects.equals(before.get().currency(), currency);
  }

  /** A due date change changes the score's inputs when the date actually moved. */
  public static boolean moved(LocalDate before, LocalDate after) {
    return !before.equals(after);
  }

  /** A fact kept as a row changes the score's inputs when the row was written (not a repeat). */
  public static boolean written(int rows) {
    return rows > 0;
  }
}
