package org.receivables.scoring.behaviour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One invoice of the replica with every settlement it received, as payment behaviour needs it. */
public record InvoiceHistory(
    String invoiceId,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate,
    BigDecimal total,
    LocalDate cancelledOn,
    List<Settlement> settlements) {

  public InvoiceHistory {
    settlements = List.copyOf(settlements);
  }

  public InvoiceHistory withSettlements(List<Settlement> replaced) {
    return new InvoiceHistory(
        invoiceId, currency, issueDate, dueDate, total, cancelledOn, replaced);
  }
}
