package org.receivables.kit.tenant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Binds work that no request carries (Kafka consumers, schedulers, worker threads) to the tenant it
 * serves, so that row-level security applies to it as to a request: the tenant tables' policies are
 * forced, and a connection nobody bound sees no tenant's rows at all.
 *
 * <p>Two forms, both transaction-local in PostgreSQL ({@code set_config(..., true)}), so that a
 * pooled connection never carries a tenant into its next transaction:
 *
 * <ul>
 *   <li>{@link #run}/{@link #call}: every connection acquired on this thread meanwhile is bound by
 *       {@link TenantBinding} (a scheduler working one tenant at a time, over many transactions);
 *   <li>{@link #bindTransaction}: binds the current transaction's connection now, and again for
 *       each record of a batch that spans tenants (a consumer applying a polled batch).
 * </ul>
 *
 * <p>Binding a tenant also registers it in {@code service_tenant}, the one list that work spanning
 * tenants may read unbound (a scheduler lists tenants first, then works each one bound).
 */
@ApplicationScoped
public class TenantScope {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /**
   * Binds role and tenant until the end of the transaction. The tenant is a parameter, never SQL
   * text.
   */
  static final String BIND_TRANSACTION =
      "select set_config('role', '"
          + TenantBinding.ROLE
          + "', true), set_config('"
          + TenantBinding.SETTING
          + "', :tenant, true)";

  static final String REGISTER =
      "insert into service_tenant (tenant) values (:tenant) on conflict do nothing";

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transaction;

  /** Tenants this process registered: each is registered once, in a transaction of its own. */
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  /** Runs {@code work} with every connection this thread acquires bound to {@code tenant}. */
  public static void run(String tenant, Runnable work) {
    call(
        tenant,
        () -> {
          work.run();
          return null;
        });
  }

  /** {@link #run} with a result. */
  public static <T> T call(String tenant, Supplier<T> work) {
    String previous = CURRENT.get();
    CURRENT.set(required(tenant));
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The tenant of the scope this thread runs in, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Binds the current transaction to {@code tenant} from now until it ends. What the transaction
   * wrote so far is flushed first, under the tenant it was written for, so that a batch may bind
   * one record's tenant after another's. Binding the tenant the transaction is already bound to
   * costs nothing.
   *
   * @throws IllegalArgumentException when the tenant is blank: such a record can never be applied
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void bindTransaction(String tenant) {
    String bound = required(tenant);
    if (bound.equals(transaction.getResource(TenantScope.class))) {
      return;
    }
    register(bound);
    em.flush();
    em.createNativeQuery(BIND_TRANSACTION).setParameter("tenant", bound).getSingleResult();
    transaction.putResource(TenantScope.class, bound);
  }

  /**
   * Adds the tenant to {@code service_tenant} in a short transaction of its own, committed before
   * the work: consumers registering tenants in their long batch transactions would wait on (and
   * deadlock with) each other's uncommitted rows. A tenant registered for work that then rolls back
   * stays listed; a scheduler then finds nothing to do for it. Services whose requests create a
   * tenant's first rows call it too, so that their schedulers find that tenant.
   */
  public void register(String tenant) {
    if (registered.contains(tenant)) {
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(() -> em.createNativeQuery(REGISTER).setParameter("tenant", tenant).executeUpdate());
    registered.add(tenant);
  }

  private static String required(String tenant) {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("work must name its tenant to be bound to it");
    }
    return tenant;
  }
}
