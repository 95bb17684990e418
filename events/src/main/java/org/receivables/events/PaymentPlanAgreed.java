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
    implements DunningEvent {

  public static final String TYPE = "receivables.payment-plan.agreed.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PaymentPlanAgreed {
    Required.fields(TYPE, "tenantId", tenantId, "customerId", customerId, "planId", planId);
  }

  @Override
  public String subject() {
    return planId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
