package org.receivables.dunning.run;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;

/**
 * The reasons an invoice must not be chased today, checked before any step is chosen. The order
 * matters only for the reason reported: a settled invoice is reported as settled even if disputed.
 */
public final class SkipRules {

  private SkipRules() {}

  /**
   * @param customer null when no customer data has arrived
   * @param promised invoice ids under an active promise to pay as of the date
   * @param planned invoice ids under a payment plan being kept as of the date
   */
  public static Optional<SkipReason> check(
      InvoiceFacts invoice,
      CustomerFacts customer,
      Set<String> promised,
      Set<String> planned,
      LocalDate asOf) {
    if (invoice.settled()) {
      return Optional.of(SkipReason.SETTLED);
    }
    if (invoice.disputed()) {
      return Optional.of(SkipReason.DISPUTED);
    }
    if (customer == null) {
      return Optional.of(SkipReason.CUSTOMER_UNKNOWN);
    }
    if (customer.exemptOn(asOf)) {
      return Optional.of(SkipReason.CUSTOMER_EXEMPT);
    }
    if (planned.contains(invoice.invoiceId())) {
      return Optional.of(SkipReason.PLAN_ACTIVE);
    }
    if (promised.contains(invoice.invoiceId())) {
      return Optional.of(SkipReason.PROMISE_ACTIVE);
    }
    return Optional.empty();
  }
}
