package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice that still owes money, as the matcher sees it.
 *
 * @param discount the early-payment discount a payment on the transfer's booking day would earn,
 *     zero when none
 */
public record OpenInvoice(
    UUID id,
    UUID customerId,
    String customerName,
    String number,
    String paymentReference,
    String currency,
    BigDecimal outstanding,
    LocalDate dueDate,
    BigDecimal discount) {

  /** What settles it on the booking day: the outstanding less any discount earned. */
  public BigDecimal settlingAmount() {
    return outstanding.subtract(discount);
  }
}
