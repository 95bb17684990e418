package org.receivables.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One communication went to a customer for the listed invoices at one dunning step. {@code
 * policyId} and {@code policyVersion} name the dunning policy version that chose the step, so that
 * kpi can tell each strategy's success apart; they are null in events written before they existed.
 */
public record ReminderSent(
    String tenantId,
    String customerId,
    String reminderId,
    List<String> invoiceIds,
    String step,
    String channel,
    BigDecimal amount,
    String currency,
    Instant sentAt,
    String policyId,
    Integer policyVersion)
    implements DunningEvent {

  public static final String TYPE = "receivables.reminder.sent.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public ReminderSent {
    Required.fields(TYPE, "tenantId", tenantId, "customerId", customerId, "reminderId", reminderId);
  }

  @Override
  public String subject() {
    return reminderId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
