package org.receivables.events;

import java.time.LocalDate;

/** A promise to pay was kept. */
public record PromiseKept(String tenantId, String customerId, String promiseId, LocalDate keptOn)
    implements DunningEvent {

  public static final String TYPE = "receivables.promise.kept.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PromiseKept {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "promiseId",
        promiseId,
        "keptOn",
        keptOn);
  }

  @Override
  public String subject() {
    return promiseId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
