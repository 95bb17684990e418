package org.receivables.dunning.replica;

import java.time.LocalDate;
import org.receivables.events.CustomerPersonalDataErased;

/**
 * What the replica tells the rest of the service when a fact it applied matters beyond its own
 * tables. Fired as synchronous CDI events inside the consumer's transaction, so that the replica
 * depends on nothing else in the service while promises, the timeline and stored reminders still
 * change atomically with the fact.
 */
public sealed interface ReplicaChange {

  String tenantId();

  String customerId();

  /** Money came in (or an invoice stopped being owed): promises and plans may be fulfilled. */
  record PaymentApplied(String tenantId, String customerId, LocalDate on)
      implements ReplicaChange {}

  /** Something a collector should see on the customer's case timeline. */
  record CaseNote(
      String tenantId,
      String customerId,
      String kind,
      String actor,
      String summary,
      String refId,
      LocalDate on)
      implements ReplicaChange {}

  /** The customer's personal data was erased here; whatever else holds it must follow. */
  record PersonalDataErased(CustomerPersonalDataErased event) implements ReplicaChange {
    @Override
    public String tenantId() {
      return event.tenantId();
    }

    @Override
    public String customerId() {
      return event.customerId();
    }
  }
}
