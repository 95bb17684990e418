package org.receivables.dunning.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
        .setParameter("summary", summary.length() > 4000 ? summary.substring(0, 4000) : summary)
        .setParameter("ref", refId)
        .executeUpdate();
  }
}
