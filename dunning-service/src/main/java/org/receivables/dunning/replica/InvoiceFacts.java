package org.receivables.dunning.replica;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a run knows about one invoice, from the replica. */
public record InvoiceFacts(
    String invoiceId,
    String customerId,
    String number,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate,
    BigDecimal total,
    BigDecimal outstanding,
    String status,
    boolean disputed,
    String paymentReference) {

  public boolean settled() {
    return outstanding.signum() <= 0
        || "PAID".equals(status)
        || "CANCELLED".equals(status)
        || "WRITTEN_OFF".equals(status);
  }
}
