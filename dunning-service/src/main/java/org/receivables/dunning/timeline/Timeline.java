package org.receivables.dunning.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.dunning.replica.ReplicaChange;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kit.jdbc.NamedRows;

/**
 * The case file of a customer: every message, task, promise, plan, dispute and escalation with who
 * did it and when, written in the same transaction as the thing it records. Every {@code
 * timeline_entry} row is written here, so its columns and the summary's bound are kept in one
 * place.
 */
@ApplicationScoped
public class Timeline {

  /** Who acts when no person does. */
  public static final String SYSTEM = "system";

  private static final String INSERT =
      "insert into timeline_entry (id, tenant_id, customer_id, at, on_date, kind, actor, summary,"
          + " ref_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A fact the replica applied that belongs on the case, in the consumer's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  void onNote(@Observes ReplicaChange.CaseNote n) {
    record(n.tenantId(), n.customerId(), n.kind(), n.actor(), n.summary(), n.refId(), n.on());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String tenantId,
      String customerId,
      String kind,
      String actor,
      String summary,
      String refId,
      LocalDate onDate) {
    recordAll(
        tenantId,
        actor == null ? SYSTEM : actor,
        List.of(new Entry(customerId, kind, summary, refId, onDate)));
  }

  /**
   * An entry of {@link #recordAll}: on whose case, what, the thing it refers to and the day it is
   * about (null when it is only about when it was written).
   */
  public record Entry(
      String customerId, String kind, String summary, String refId, LocalDate onDate) {}

  /** Records entries of one actor at once (one batched statement), at the clock's time. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(String tenantId, String actor, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    em.flush();
    Instant at = Instant.now(clock);
    em.unwrap(Session.class).doWork(c -> recordAll(c, tenantId, actor, at, entries));
  }

  /**
   * {@link #recordAll} on a connection the caller already works on, with its time: a dunning run
   * writes its entries with its other rows, in its own batches.
   */
  public static void recordAll(
      Connection c, String tenantId, String actor, Instant at, List<Entry> entries)
      throws SQLException {
    JdbcBatch.insert(
        c,
        INSERT,
        entries.stream()
            .map(
                e ->
                    new Object[] {
                      UUID.randomUUID(),
                      tenantId,
                      e.customerId(),
                      at,
                      e.onDate(),
                      e.kind(),
                      actor,
                      bounded(e.summary()),
                      e.refId()
                    })
            .toList());
  }

  /**
   * A REMINDER_SENT entry for each of these reminders, set-based in one statement: the summary is
   * made from the reminder's own columns, so nothing is read first.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void remindersSent(List<UUID> reminderIds, Instant at) {
    em.createNativeQuery(
            "insert into timeline_entry (id, tenant_id, customer_id, at, kind, actor, summary,"
                + " ref_id) select gen_random_uuid(), tenant_id, customer_id, :at, 'REMINDER_SENT',"
                + " :actor, step_name || ' sent by ' || channel || ' for ' || (select count(*) from"
                + " reminder_invoice ri where ri.reminder_id = r.id) || ' invoice(s)', id::text"
                + " from reminder r where id in (:ids)")
        .setParameter("at", at)
        .setParameter("actor", SYSTEM)
        .setParameter("ids", reminderIds)
        .executeUpdate();
  }

  private static String bounded(String summary) {
    return summary.length() > 4000 ? summary.substring(0, 4000) : summary;
  }

  /** The customer's case, oldest first. */
  public List<TimelineResource.Entry> entries(String tenantId, String customerId) {
    return NamedRows.list(
        em.createNativeQuery(
                "select id, at, on_date, kind, actor, summary, ref_id from timeline_entry"
                    + " where tenant_id = :t and customer_id = :c order by at, id",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("c", customerId),
        TimelineResource.Entry.class,
        Columns.Nulls.ZERO);
  }
}
