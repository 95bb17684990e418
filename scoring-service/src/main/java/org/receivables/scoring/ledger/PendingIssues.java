package org.receivables.scoring.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.receivables.events.InvoiceIssued;
import org.receivables.kit.replica.InvoiceReplica;
import org.receivables.kit.tenant.TenantScope;

/**
 * The invoices a polled batch issues, collected and written together per tenant: one insert of the
 * customers scoring did not know yet and one of the invoices ({@link InvoiceReplica#applyAll}),
 * instead of two statements per invoice. They are written before anything reads or changes the
 * ledger in the batch (a payment of an invoice the batch issued, a rescore), so the order of events
 * still holds. Which invoices were new (an invoice issued again under another event id is not) is
 * kept for the caller to mark their customers for a rescore ({@link #drainNew}).
 */
@ApplicationScoped
public class PendingIssues {

  /** An issue and the id of its event. */
  public record Issue(InvoiceIssued event, String eventId) {}

  /** The transaction's issues, per tenant and invoice, and those written that were new. */
  private static final class Pending {
    final Map<String, Map<String, Issue>> byTenant = new LinkedHashMap<>();
    final List<Issue> fresh = new ArrayList<>();
  }

  private static final String ENSURE_CUSTOMERS =
      "insert into sc_customer (tenant_id, customer_id, currency, registered, created_at) select ?,"
          + " c.customer, c.currency, false, ? from unnest(cast(? as text[]), cast(? as text[]))"
          + " as c(customer, currency) on conflict do nothing";

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transaction;
  @Inject InvoiceReplica replica;
  @Inject TenantScope tenants;
  @Inject Clock clock;

  /** Keeps an issue for the batch's write; a second issue of the same invoice keeps the first. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(InvoiceIssued e, String eventId) {
    pending()
        .byTenant
        .computeIfAbsent(e.tenantId(), t -> new LinkedHashMap<>())
        .putIfAbsent(e.invoiceId(), new Issue(e, eventId));
  }

  /**
   * Writes the pending issues, each tenant's bound to it; then binds {@code boundTenant} again (the
   * tenant of the event being applied, or null), so that the caller goes on under its own tenant.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void write(String boundTenant) {
    Pending p = pending();
    if (p.byTenant.isEmpty()) {
      return;
    }
    Map<String, Map<String, Issue>> byTenant = new LinkedHashMap<>(p.byTenant);
    p.byTenant.clear();
    byTenant.forEach(this::write);
    if (boundTenant != null) {
      tenants.bindTransaction(boundTenant);
    }
  }

  /** The issues written since the last call that were new here, in batch order. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Issue> drainNew() {
    Pending p = pending();
    List<Issue> fresh = List.copyOf(p.fresh);
    p.fresh.clear();
    return fresh;
  }

  private void write(String tenant, Map<String, Issue> issues) {
    tenants.bindTransaction(tenant);
    Map<String, String> customers = new LinkedHashMap<>();
    issues
        .values()
        .forEach(i -> customers.putIfAbsent(i.event().customerId(), i.event().currency()));
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(ENSURE_CUSTOMERS)) {
                ps.setString(1, tenant);
                ps.setTimestamp(2, Timestamp.from(Instant.now(clock)));
                ps.setArray(3, c.createArrayOf("text", customers.keySet().toArray()));
                ps.setArray(4, c.createArrayOf("text", customers.values().toArray()));
                ps.executeUpdate();
              }
            });
    Set<String> inserted = replica.applyAll(issues.values().stream().map(Issue::event).toList());
    issues.values().stream()
        .filter(i -> inserted.contains(i.event().invoiceId()))
        .forEach(pending().fresh::add);
  }

  private Pending pending() {
    if (transaction.getResource(Pending.class) instanceof Pending p) {
      return p;
    }
    Pending created = new Pending();
    transaction.putResource(Pending.class, created);
    return created;
  }
}
