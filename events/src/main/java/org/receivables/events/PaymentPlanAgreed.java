package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A payment plan (instalments) was agreed; dunning pauses while it is kept. */
public record PaymentPlanAgreed(
    String tenantId,
    String customerId,
    String planId,
    List<String> invoiceIds,
    BigDecimal total,
    String currency,
    int instalments,
    LocalDate firstDueDate,
    LocalDate lastDueDate)
    implements DomainEvent {

  public static final String TYPE = "receivables.payment-plan.agreed.v1";

  @Override
  public String subject() {
    return planId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
