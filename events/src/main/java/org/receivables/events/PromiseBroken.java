package org.receivables.events;

import java.time.LocalDate;

/** A promise to pay was broken; dunning resumes. */
public record PromiseBroken(
    String tenantId, String customerId, String promiseId, LocalDate brokenOn)
    implements DunningEvent {

  public static final String TYPE = "receivables.promise.broken.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PromiseBroken {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "promiseId",
        promiseId,
        "brokenOn",
        brokenOn);
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
