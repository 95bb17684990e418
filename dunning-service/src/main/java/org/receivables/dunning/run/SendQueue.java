package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/**
 * The durable queue of reminders to send (table {@code send_queue}): a reminder is queued with the
 * run that stores it, claimed by a sender with {@code FOR UPDATE SKIP LOCKED} and kept locked while
 * it is sent, then removed, or put back with a later due time to be tried again (or, for an e-mail
 * waiting for an invoice PDF, looked at again). Claims see every tenant's rows (the queue is
 * tenant-less bookkeeping); the rest runs in the caller's transaction.
 */
@ApplicationScoped
public class SendQueue {

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A claimed queue row: the reminder, its tenant and run, and the attempts of this round. */
  public record Claimed(UUID reminderId, String tenant, UUID runId, int attempts) {}

  /**
   * What became of a claimed reminder: done (row removed), or due again at {@code retryAt}, after a
   * failed attempt ({@code attempted}, counted) or held for its PDFs (not an attempt).
   */
  public record Outcome(UUID reminderId, Instant retryAt, boolean attempted) {
    public Outcome(UUID reminderId, Instant retryAt) {
      this(reminderId, retryAt, true);
    }

    static Outcome done(UUID reminderId) {
      return new Outcome(reminderId, null);
    }

    static Outcome held(UUID reminderId, Instant lookAgainAt) {
      return new Outcome(reminderId, lookAgainAt, false);
    }
  }

  /** Claims up to {@code limit} due reminders, oldest first, locked until the transaction ends. */
  List<Claimed> claim(int limit) {
    return NamedRows.list(
        em.createNativeQuery(
                "select reminder_id, tenant, run_id, attempts from send_queue where due_at <= :now"
                    + " order by due_at limit :n for update skip locked",
                Tuple.class)
            .setParameter("now", Instant.now(clock))
            .setParameter("n", limit),
        Claimed.class,
        Columns.Nulls.ZERO);
  }

  /**
   * Removes the reminders that are done and puts the others back for their next attempt, in one
   * statement whatever the batch's size.
   */
  void settle(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    List<String> done = new ArrayList<>();
    List<String> again = new ArrayList<>();
    List<String> at = new ArrayList<>();
    List<Integer> counted = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.retryAt() == null) {
        done.add(o.reminderId().toString());
      } else {
        again.add(o.reminderId().toString());
        at.add(o.retryAt().toString());
        counted.add(o.attempted() ? 1 : 0);
      }
    }
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "with done as (delete from send_queue where reminder_id = any(?::uuid[]))"
                          + " update send_queue q set due_at = u.at::timestamptz, attempts ="
                          + " q.attempts + u.n from unnest(?::uuid[], ?::text[], ?::int[]) as"
                          + " u(id, at, n) where q.reminder_id = u.id")) {
                ps.setArray(1, c.createArrayOf("text", done.toArray()));
                ps.setArray(2, c.createArrayOf("text", again.toArray()));
                ps.setArray(3, c.createArrayOf("text", at.toArray()));
                ps.setArray(4, c.createArrayOf("integer", counted.toArray()));
                ps.executeUpdate();
              }
            });
  }

  /**
   * Queues the tenant's reminders to send that are not queued: failed ones that may be tried again
   * (fewer than {@code maxTotal} attempts in all), and any left PENDING outside the queue. Returns
   * them. Runs bound to the tenant.
   */
  List<UUID> requeue(String tenantId, int maxTotal) {
    List<UUID> ids =
        NamedRows.column(
            em.createNativeQuery(
                    "select id from reminder r where tenant_id = :t and (status = 'PENDING' or"
                        + " (status = 'FAILED' and attempts < :max)) and recipient is not null and"
                        + " not exists (select 1 from send_queue q where q.reminder_id = r.id)")
                .setParameter("t", tenantId)
                .setParameter("max", maxTotal),
            UUID.class);
    enqueue(ids);
    return ids;
  }

  /**
   * Queues reminders of the bound tenant for sending now (those already queued stay as they are).
   */
  void enqueue(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "insert into send_queue (reminder_id, tenant, run_id, due_at) select id, tenant_id,"
                + " run_id, :now from reminder where id in (:ids) on conflict do nothing")
        .setParameter("now", Instant.now(clock))
        .setParameter("ids", ids)
        .executeUpdate();
  }

  /** Reminders of the run, or among {@code others}, still in the queue. */
  long waiting(UUID runId, Collection<UUID> others) {
    if (others.isEmpty()) {
      return NamedRows.number(
          em.createNativeQuery("select count(*) from send_queue where run_id = :r")
              .setParameter("r", runId));
    }
    return NamedRows.number(
        em.createNativeQuery(
                "select count(*) from send_queue where run_id = :r or reminder_id in (:ids)")
            .setParameter("r", runId)
            .setParameter("ids", others));
  }
}
