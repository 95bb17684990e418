package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The customer promised to pay an amount by a date; dunning pauses on those invoices. */
public record PromiseMade(
    String tenantId,
    String customerId,
    String promiseId,
    List<String> invoiceIds,
    BigDecimal amount,
    String currency,
    LocalDate promisedFor)
    implements DunningEvent {

  public static final String TYPE = "receivables.promise.made.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public PromiseMade {
    Required.fields(TYPE, "tenantId", tenantId, "customerId", customerId, "promiseId", promiseId);
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
