package org.receivables.events;

import java.time.LocalDate;
import java.util.List;

/** Collection escalated beyond reminders: FORMAL_NOTICE, AGENCY or LEGAL. */
public record DunningEscalated(
    String tenantId,
    String customerId,
    List<String> invoiceIds,
    String step,
    String action,
    LocalDate escalatedOn)
    implements DunningEvent {

  public static final String TYPE = "receivables.dunning.escalated.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public DunningEscalated {
    Required.fields(
        TYPE, "tenantId", tenantId, "customerId", customerId, "escalatedOn", escalatedOn);
  }

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
