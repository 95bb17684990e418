package org.receivables.events;

import java.time.LocalDate;

/** A promise to pay was kept. */
public record PromiseKept(String tenantId, String customerId, String promiseId, LocalDate keptOn)
    implements DomainEvent {

  public static final String TYPE = "receivables.promise.kept.v1";

  @Override
  public String subject() {
    return promiseId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
