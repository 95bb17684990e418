package org.receivables.scoring.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receivables.events.DomainEvent;
import org.receivables.kit.inbox.EventHandlers.Applied;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.scoring.ledger.PendingIssues;
import org.receivables.scoring.score.BatchRescore;

/**
 * The customers whose score inputs a polled batch changed, rescored once each after the batch's
 * last event, in its transaction, a tenant's customers together ({@link BatchRescore}: a handful of
 * statements per tenant, whatever the number of customers): a bulk import of a thousand invoices
 * for a hundred customers is one rescore of a hundred, and events that changed no input (a name, a
 * repeat) are none. The set lives in the transaction, so a batch that fails and is retried record
 * by record starts from nothing.
 */
@ApplicationScoped
public class Rescores {

  /** A customer to rescore, and the last event that changed its inputs (trigger, trace). */
  private record Mark(String tenantId, String customerId, String eventId, String type) {}

  /** The transaction's marks; a class of its own so that reading it back is a checked cast. */
  private static final class Pending {
    final Map<List<String>, Mark> byCustomer = new LinkedHashMap<>();
  }

  @Inject TransactionSynchronizationRegistry transaction;
  @Inject BatchRescore batch;
  @Inject TenantScope tenants;
  @Inject PendingIssues issues;

  /** Notes that {@code data} changed an input of its customer's score, when {@code changed}. */
  void mark(boolean changed, DomainEvent data, String eventId) {
    markNewInvoices();
    if (changed) {
      mark(data, eventId);
    }
  }

  /**
   * Rescores the marked customers tenant by tenant, each tenant's together ({@link BatchRescore}),
   * each customer's events in the trace of the last event that changed it.
   */
  void rescore(List<Applied> applied) {
    issues.write(null);
    markNewInvoices();
    if (!(transaction.getResource(Pending.class) instanceof Pending pending)) {
      return;
    }
    Map<String, IncomingEvent> byId = new HashMap<>();
    applied.forEach(a -> byId.put(a.event().id(), a.event()));
    Map<String, List<BatchRescore.Rescore>> byTenant = new LinkedHashMap<>();
    for (Mark m : pending.byCustomer.values()) {
      byTenant
          .computeIfAbsent(m.tenantId(), t -> new ArrayList<>())
          .add(new BatchRescore.Rescore(m.customerId(), m.type(), byId.get(m.eventId())));
    }
    pending.byCustomer.clear();
    byTenant.forEach(
        (tenant, rescores) -> {
          tenants.bindTransaction(tenant);
          batch.recompute(tenant, rescores);
        });
  }

  /** An invoice new to scoring changes its customer's inputs; written before what follows it. */
  private void markNewInvoices() {
    for (PendingIssues.Issue issue : issues.drainNew()) {
      mark(issue.event(), issue.eventId());
    }
  }

  private void mark(DomainEvent data, String eventId) {
    List<String> key = List.of(data.tenantId(), data.customerId());
    Map<List<String>, Mark> marks = pending().byCustomer;
    marks.remove(key); // keeps batch order by last change
    marks.put(key, new Mark(data.tenantId(), data.customerId(), eventId, data.type()));
  }

  private Pending pending() {
    if (transaction.getResource(Pending.class) instanceof Pending pending) {
      return pending;
    }
    Pending created = new Pending();
    transaction.putResource(Pending.class, created);
    return created;
  }
}
