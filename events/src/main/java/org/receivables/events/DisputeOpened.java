package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer disputes an invoice (or part of it): dunning pauses on it. */
public record DisputeOpened(
    String tenantId,
    String customerId,
    String invoiceId,
    String disputeId,
    String reason,
    BigDecimal amount,
    LocalDate openedOn)
    implements DomainEvent {

  public static final String TYPE = "receivables.dispute.opened.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
