package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceIssued;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;

/**
 * Applies invoicing events to the KPI replica. Each event is applied at most once: its id is
 * recorded in the inbox in the same transaction as the change.
 */
@ApplicationScoped
public class InvoiceProjection {

  static final String CONSUMER = "kpi.invoicing";
  private static final Logger LOG = Logger.getLogger(InvoiceProjection.class);

  @Inject EntityManager em;
  @Inject Inbox inbox;

  @Transactional
  public void apply(IncomingEvent event) {
    if (!event.isKnown()) {
      LOG.debugf("Skipping event type %s, not one this projection uses", event.type());
      return;
    }
    DomainEvent data = event.read();
    if (!inbox.firstDelivery(CONSUMER, event.id())) {
      return;
    }
    if (data instanceof InvoiceIssued issued) {
      onIssued(event.id(), issued);
    }
  }

  private void onIssued(String eventId, InvoiceIssued e) {
    em.createNativeQuery(
            "insert into kpi_invoice (invoice_id, tenant_id, customer_id, number, currency, issue_date,"
                + " due_date, total_incl_tax) values (:id, :tenant, :customer, :number, :currency,"
                + " :issue, :due, :total)")
        .setParameter("id", UUID.fromString(e.invoiceId()))
        .setParameter("tenant", e.tenantId())
        .setParameter("customer", UUID.fromString(e.customerId()))
        .setParameter("number", e.number())
        .setParameter("currency", e.currency())
        .setParameter("issue", e.issueDate())
        .setParameter("due", e.dueDate())
        .setParameter("total", e.totalInclTax())
        .executeUpdate();
    em.createNativeQuery(
            "insert into kpi_ledger_entry (tenant_id, invoice_id, entry_date, kind, amount, event_id)"
                + " values (:tenant, :id, :date, 'ISSUED', :amount, :event)")
        .setParameter("tenant", e.tenantId())
        .setParameter("id", UUID.fromString(e.invoiceId()))
        .setParameter("date", e.issueDate())
        .setParameter("amount", e.totalInclTax())
        .setParameter("event", eventId)
        .executeUpdate();
  }
}
