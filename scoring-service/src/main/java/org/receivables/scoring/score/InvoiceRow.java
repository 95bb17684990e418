package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;

/**
 * An invoice of the replica with its cancellation date, as the batch reads ({@link BatchReads}) and
 * the one-statement customer file ({@link CustomerFiles}) select it: one row type and one way to
 * make it an {@link InvoiceHistory}, so that the two paths cannot drift apart.
 */
record InvoiceRow(
    String invoiceId,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate,
    BigDecimal total,
    LocalDate cancelledOn) {

  /** The invoice with the settlements it received. */
  InvoiceHistory history(List<Settlement> settlements) {
    return new InvoiceHistory(
        invoiceId, currency, issueDate, dueDate, total, cancelledOn, settlements);
  }
}
