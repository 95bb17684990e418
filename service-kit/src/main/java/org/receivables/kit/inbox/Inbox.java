package org.receivables.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The processed-event log of an idempotent consumer: a redelivered event is recognised by its id
 * and changes nothing, because the id is recorded in the same transaction as the change.
 */
@ApplicationScoped
public class Inbox {

  @Inject EntityManager em;

  /**
   * Records that {@code consumer} processes {@code eventId} now.
   *
   * @return true the first time, false for a redelivery (then the caller must do nothing)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String eventId) {
    int inserted =
        em.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at)"
                    + " values (:consumer, :id, :at) on conflict do nothing")
            .setParameter("consumer", consumer)
            .setParameter("id", eventId)
            .setParameter("at", Instant.now())
            .executeUpdate();
    return inserted == 1;
  }
}
