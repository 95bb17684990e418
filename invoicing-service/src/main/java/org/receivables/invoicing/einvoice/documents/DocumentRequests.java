package org.receivables.invoicing.einvoice.documents;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.receivables.events.InvoiceDocumentRequested;
import org.receivables.invoicing.einvoice.EInvoiceConfig;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.InboxDispatcher;
import org.receivables.kit.replica.UnknownInvoiceException;

/**
 * Dunning's requests for invoice PDFs ({@code InvoiceDocumentRequested} on {@code
 * receivables.dunning.v1}, every other type of that topic skipped): each queues its invoice in
 * {@code invoice_document_queue}, where {@link DocumentPublisher} renders and publishes it.
 * Rendering only on request, because most invoices are paid without a reminder and a Factur-X costs
 * more CPU than ingesting the invoice. Applied once per event (the kit's inbox); an invoice queued
 * already or published before is not queued again, so a request repeated by dunning renders nothing
 * more. A request for an invoice this tenant does not have goes to {@code
 * receivables.dunning.v1.dlq}.
 */
@ApplicationScoped
public class DocumentRequests {

  /** Inbox name. */
  static final String INBOX = "invoicing.document-requests";

  private static final Logger LOG = Logger.getLogger(DocumentRequests.class);

  @Inject EntityManager em;
  @Inject InboxDispatcher dispatcher;
  @Inject EInvoiceConfig config;
  @Inject Clock clock;

  private EventHandlers handlers;

  /** Built on the bean instance itself, not through the client proxy (see DocumentConsumer). */
  @PostConstruct
  void init() {
    handlers = EventHandlers.builder().on(InvoiceDocumentRequested.class, this::queue).build();
  }

  @Incoming("dunning-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(INBOX, handlers, batch);
  }

  /**
   * Queues the invoice for its PDF unless it is queued or published already; runs in the
   * dispatcher's transaction, bound to the event's tenant.
   */
  void queue(InvoiceDocumentRequested e) {
    UUID invoiceId;
    try {
      invoiceId = UUID.fromString(e.invoiceId());
    } catch (IllegalArgumentException bad) {
      throw new UnknownInvoiceException(e.tenantId(), e.invoiceId());
    }
    if (Invoice.findById(invoiceId) == null) { // bound to the tenant: another's is not found
      throw new UnknownInvoiceException(e.tenantId(), e.invoiceId());
    }
    if (!config.documents().enabled()) {
      LOG.debugf("Invoice documents are off: request for %s ignored", e.invoiceId());
      return;
    }
    Instant now = Instant.now(clock);
    em.createNativeQuery(
            "insert into invoice_document_queue (invoice_id, tenant, queued_at, next_attempt_at)"
                + " select :id, :t, :now, :now where not exists (select 1 from"
                + " invoice_document_published p where p.invoice_id = :id) on conflict (invoice_id)"
                + " do nothing")
        .setParameter("id", invoiceId)
        .setParameter("t", e.tenantId())
        .setParameter("now", now)
        .executeUpdate();
  }
}
