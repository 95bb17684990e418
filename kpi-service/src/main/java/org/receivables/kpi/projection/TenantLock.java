package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;

/**
 * One PostgreSQL advisory lock per tenant, held to the end of the transaction. Event handling and
 * rebuilds take it exclusively; filling a snapshot takes it shared, so a snapshot is never computed
 * from a state that an event is changing, and a rebuild never interleaves with live events.
 */
@ApplicationScoped
public class TenantLock {

  private static final int NAMESPACE = 6_000_006;

  /** The tenants whose exclusive lock this transaction holds. */
  private record Held(Set<String> tenants) {}

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transaction;

  @Transactional(Transactional.TxType.MANDATORY)
  public void exclusive(String tenantId) {
    Held held;
    if (transaction.getResource(Held.class) instanceof Held h) {
      held = h;
    } else {
      held = new Held(new HashSet<>());
      transaction.putResource(Held.class, held);
    }
    if (!held.tenants().add(tenantId)) {
      return;
    }
    em.createNativeQuery("select pg_advisory_xact_lock(:ns, hashtext(:tenant))")
        .setParameter("ns", NAMESPACE)
        .setParameter("tenant", tenantId)
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void shared(String tenantId) {
    em.createNativeQuery("select pg_advisory_xact_lock_shared(:ns, hashtext(:tenant))")
        .setParameter("ns", NAMESPACE)
        .setParameter("tenant", tenantId)
        .getSingleResult();
  }
}
