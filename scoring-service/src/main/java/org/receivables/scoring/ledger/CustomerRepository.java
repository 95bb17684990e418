package org.receivables.scoring.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/**
 * The customers of scoring's replica, from invoicing's customer events. A customer seen first in
 * another event (an invoice, a statement) gets a minimal row that its registration completes.
 * Invoicing's {@code CustomerUpdated} also echoes the credit hold; scoring owns holds and ignores
 * that field (see {@code hold.CreditHolds}).
 */
@ApplicationScoped
public class CustomerRepository {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject PendingIssues issues;

  /** A customer as scoring knows it. */
  public record Customer(
      String tenantId,
      String customerId,
      String name,
      String segment,
      String currency,
      boolean registered) {}

  /**
   * @return whether an input of the score changed ({@link InputChange#customer})
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean register(CustomerRegistered e) {
    issues.write(e.tenantId());
    return upsertCustomer(e.tenantId(), e.customerId(), e.name(), e.segment(), e.currency());
  }

  /**
   * @return whether an input of the score changed ({@link InputChange#customer})
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean update(CustomerUpdated e) {
    issues.write(e.tenantId());
    return upsertCustomer(e.tenantId(), e.customerId(), e.name(), e.segment(), e.currency());
  }

  /**
   * Forgets the customer's name (the only personal data scoring holds); its figures stay, since
   * they describe the account, not a person. A customer never seen is no error.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erasePersonalData(CustomerPersonalDataErased e) {
    em.createNativeQuery(
            "update sc_customer set name = null where tenant_id = :t and customer_id = :c")
        .setParameter("t", e.tenantId())
        .setParameter("c", e.customerId())
        .executeUpdate();
  }

  private boolean upsertCustomer(
      String tenant, String customer, String name, String segment, String currency) {
    boolean changed = InputChange.customer(customer(tenant, customer), segment, currency);
    em.createNativeQuery(
            "insert into sc_customer (tenant_id, customer_id, name, segment, currency, registered,"
                + " created_at) values (:t, :c, :name, :segment, :currency, true, :now)"
                + " on conflict (tenant_id, customer_id) do update set name = excluded.name,"
                + " segment = excluded.segment, currency = excluded.currency, registered = true")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("name", name)
        .setParameter("segment", segment)
        .setParameter("currency", currency)
        .setParameter("now", Instant.now(clock))
        .executeUpdate();
    return changed;
  }

  /** Creates the minimal row of a customer seen before its registration; no-op when known. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void ensureCustomer(String tenant, String customer, String currency) {
    em.createNativeQuery(
            "insert into sc_customer (tenant_id, customer_id, currency, registered, created_at)"
                + " values (:t, :c, :currency, false, :now) on conflict do nothing")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("currency", currency)
        .setParameter("now", Instant.now(clock))
        .executeUpdate();
  }

  public Optional<Customer> customer(String tenant, String customer) {
    return NamedRows.first(
        em.createNativeQuery(
                "select tenant_id, customer_id, name, segment, currency, registered from"
                    + " sc_customer where tenant_id = :t and customer_id = :c",
                Tuple.class)
            .setParameter("t", tenant)
            .setParameter("c", customer),
        Customer.class,
        Columns.Nulls.ZERO);
  }

  /** Locks the customer's row so that concurrent recomputations of one customer run in turn. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Customer> lock(String tenant, String customer) {
    boolean known =
        !em.createNativeQuery(
                "select id from sc_customer where tenant_id = :t and customer_id = :c for update")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList()
            .isEmpty();
    return known ? customer(tenant, customer) : Optional.empty();
  }

  /** Customers of a tenant in one segment (sector), to rescore when the sector's risk changes. */
  public List<String> customersInSegment(String tenant, String segment) {
    return NamedRows.column(
        em.createNativeQuery(
                "select customer_id from sc_customer where tenant_id = :t and segment = :s")
            .setParameter("t", tenant)
            .setParameter("s", segment),
        String.class);
  }
}
