package org.receivables.dunning.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.receivables.dunning.common.Rows;
import org.receivables.dunning.replica.ReplicaChange;
import org.receivables.kit.jdbc.JdbcBatch;

/**
 * The case file of a customer: every message, task, promise, plan, dispute and escalation with who
 * did it and when, written in the same transaction as the thing it records.
 */
@ApplicationScoped
public class Timeline {

  /** Who acts when no person does. */
  public static final String SYSTEM = "system";

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
    em.createNativeQuery(
            "insert into timeline_entry (id, tenant_id, customer_id, at, on_date, kind, actor, summary, ref_id)"
                + " values (:id, :t, :c, :at, :on, :kind, :actor, :summary, :ref)")
        .setParameter("id", UUID.randomUUID())
        .setParameter("t", tenantId)
        .setParameter("c", customerId)
        .setParameter("at", Instant.now(clock))
        .setParameter("on", onDate)
        .setParameter("kind", kind)
        .setParameter("actor", actor == null ? SYSTEM : actor)
        .setParameter("summary", bounded(summary))
        .setParameter("ref", refId)
        .executeUpdate();
  }

  /** An entry of {@link #recordAll}: on whose case, what, and the thing it refers to. */
  public record Entry(String customerId, String summary, String refId) {}

  /**
   * Records entries of one kind and actor at once (one batched statement), as {@link #record} does
   * one by one.
   */
  public void recordAll(String tenantId, String kind, String actor, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Instant at = Instant.now(clock);
    List<Object[]> rows =
        entries.stream()
            .map(
                e ->
                    new Object[] {
                      UUID.randomUUID(),
                      tenantId,
                      e.customerId(),
                      at,
                      kind,
                      actor,
                      bounded(e.summary()),
                      e.refId()
                    })
            .toList();
    JdbcBatch.insert(
        em,
        "insert into timeline_entry (id, tenant_id, customer_id, at, kind, actor, summary, ref_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  private static String bounded(String summary) {
    return summary.length() > 4000 ? summary.substring(0, 4000) : summary;
  }

  /** The customer's case, oldest first. */
  public List<TimelineResource.Entry> entries(String tenantId, String customerId) {
    return Rows.list(
        em.createNativeQuery(
                "select id, at, on_date, kind, actor, summary, ref_id from timeline_entry"
                    + " where tenant_id = :t and customer_id = :c order by at, id")
            .setParameter("t", tenantId)
            .setParameter("c", customerId),
        TimelineResource.Entry.class);
  }
}
