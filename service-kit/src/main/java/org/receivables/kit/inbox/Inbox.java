package org.receivables.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

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

  /**
   * Records that {@code consumer} processes these events now, in one statement: a consumer applying
   * a polled batch set-based pays one round trip for its inbox, not one per event.
   *
   * @return the ids delivered for the first time (each once, even if listed twice)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> firstDeliveries(String consumer, List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    em.flush();
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into processed_event (consumer, event_id, processed_at) select ?,"
                          + " id, ? from unnest(?) id on conflict do nothing returning event_id")) {
                ps.setString(1, consumer);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setArray(3, c.createArrayOf("text", eventIds.toArray()));
                Set<String> first = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    first.add(rs.getString("event_id"));
                  }
                }
                return first;
              }
            });
  }
}
