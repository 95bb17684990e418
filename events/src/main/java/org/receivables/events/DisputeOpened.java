package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer disputes an invoice (or part of it): dunning pauses on it.
 *
 * @param amount optional: null when the whole invoice is disputed
 */
public record DisputeOpened(
    String tenantId,
    String customerId,
    String invoiceId,
    String disputeId,
    String reason,
    BigDecimal amount,
    LocalDate openedOn)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.dispute.opened.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public DisputeOpened {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "disputeId",
        disputeId,
        "openedOn",
        openedOn);
  }

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
