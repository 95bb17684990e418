package org.receivables.events;

import java.time.LocalDate;

/** A promise to pay was broken; dunning resumes. */
public record PromiseBroken(
    String tenantId, String customerId, String promiseId, LocalDate brokenOn)
    implements DomainEvent {

  public static final String TYPE = "receivables.promise.broken.v1";

  @Override
  public String subject() {
    return promiseId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
