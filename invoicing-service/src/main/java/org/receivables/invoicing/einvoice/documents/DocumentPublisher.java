package org.receivables.invoicing.einvoice.documents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.invoicing.einvoice.EInvoiceConfig;
import org.receivables.invoicing.einvoice.EInvoiceService;
import org.receivables.invoicing.einvoice.out.EInvoiceExport;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceStatus;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.tenant.TenantScope;

/**
 * Publishes the PDF of an invoice dunning asked for on the documents topic, so that dunning can
 * attach it to reminders without ever calling invoicing. The request only queues the invoice
 * ({@link DocumentRequests}, in the inbox's transaction); this worker claims one queued invoice at
 * a time ({@code FOR UPDATE SKIP LOCKED}, so replicas share the queue), binds its tenant, picks the
 * PDF ({@link DocumentChoice}), records the event through the outbox, remembers the invoice as
 * published and deletes the queue row, all in one transaction: published once, never lost. A
 * failure is retried later, a few times, then logged as an error and given up.
 */
@ApplicationScoped
public class DocumentPublisher {

  private static final Logger LOG = Logger.getLogger(DocumentPublisher.class);
  private static final String PDF = "application/pdf";

  @Inject EntityManager em;
  @Inject TenantScope tenants;
  @Inject EInvoiceService einvoices;
  @Inject EInvoiceExport export;
  @Inject EInvoiceConfig config;
  @Inject Outbox outbox;
  @Inject Clock clock;

  /** A queued invoice, as claimed. */
  record Claim(UUID invoiceId, String tenant, int attempts) {}

  private volatile boolean stopping;

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  @Scheduled(
      identity = "invoice-documents",
      every = "${invoicing.e-invoice.documents.poll:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    try {
      while (!stopping && publishOne()) {
        // the next queued invoice, if any
      }
    } catch (RuntimeException e) {
      LOG.warnf("Invoice document worker interrupted, the next poll goes on: %s", e.getMessage());
    }
  }

  /** Publishes (or gives up on) one due queued invoice; whether there was one. */
  public boolean publishOne() {
    Claim[] claimed = new Claim[1];
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Optional<Claim> claim = claim();
                if (claim.isEmpty()) {
                  return false;
                }
                claimed[0] = claim.get();
                tenants.bindTransaction(claimed[0].tenant());
                publish(claimed[0]);
                dequeue(claimed[0].invoiceId());
                return true;
              });
    } catch (RuntimeException e) {
      if (claimed[0] == null) {
        throw e;
      }
      QuarkusTransaction.requiringNew().run(() -> failed(claimed[0], e));
      return true;
    }
  }

  private Optional<Claim> claim() {
    return NamedRows.first(
        em.createNativeQuery(
                "select invoice_id, tenant, attempts from invoice_document_queue where"
                    + " next_attempt_at <= :now order by next_attempt_at, invoice_id limit 1 for"
                    + " update skip locked",
                Tuple.class)
            .setParameter("now", Instant.now(clock)),
        Claim.class);
  }

  private void publish(Claim c) {
    Invoice invoice = Invoice.findById(c.invoiceId());
    if (invoice == null || invoice.status == InvoiceStatus.CANCELLED) {
      return; // rolled back with its issue, or cancelled before its PDF: nothing to remind of
    }
    Optional<byte[]> received =
        einvoices
            .sourceOf(c.tenant(), c.invoiceId())
            .filter(d -> PDF.equals(d.mediaType))
            .map(d -> d.content);
    if (received.isEmpty() && !export.hasSeller(c.tenant())) {
      skipTenantWithoutSeller(c.tenant());
      return;
    }
    DocumentChoice.Choice choice =
        DocumentChoice.choose(
            received,
            () ->
                export.hasSeller(c.tenant())
                    ? Optional.of(export.facturX(c.tenant(), c.invoiceId()))
                    : Optional.empty(),
            config.documents().maxBytes());
    if (!choice.publishes()) {
      LOG.warnf(
          "Invoice %s gets no PDF on the documents topic: %s", invoice.number, choice.skipped());
      return;
    }
    outbox.record(
        DocumentChoice.event(
            c.tenant(),
            invoice.customerId.toString(),
            invoice.id.toString(),
            invoice.number,
            choice));
    // remembered with the event: a later request for this invoice renders nothing more
    em.createNativeQuery(
            "insert into invoice_document_published (invoice_id, tenant, published_at) values"
                + " (:id, :t, :at) on conflict (invoice_id) do nothing")
        .setParameter("id", c.invoiceId())
        .setParameter("t", c.tenant())
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }

  /**
   * A tenant without a seller renders nothing: its queued invoices that did not come as a PDF are
   * dropped at once rather than one transaction each (a bulk import queues thousands).
   */
  private void skipTenantWithoutSeller(String tenant) {
    em.createNativeQuery(
            "delete from invoice_document_queue q where q.tenant = :t and not exists (select 1"
                + " from e_invoice_document d where d.invoice_id = q.invoice_id and d.media_type ="
                + " :pdf)")
        .setParameter("t", tenant)
        .setParameter("pdf", PDF)
        .executeUpdate();
  }

  private void dequeue(UUID invoiceId) {
    em.createNativeQuery("delete from invoice_document_queue where invoice_id = :id")
        .setParameter("id", invoiceId)
        .executeUpdate();
  }

  private void failed(Claim c, RuntimeException e) {
    if (c.attempts() + 1 >= config.documents().attempts()) {
      LOG.errorf(e, "Invoice %s of %s: no PDF published, given up", c.invoiceId(), c.tenant());
      dequeue(c.invoiceId());
      return;
    }
    LOG.warnf("Invoice %s: PDF not published yet, retried later: %s", c.invoiceId(), e);
    String error = String.valueOf(e.getMessage());
    em.createNativeQuery(
            "update invoice_document_queue set attempts = attempts + 1, last_error = :e,"
                + " next_attempt_at = :next where invoice_id = :id")
        .setParameter("e", error.length() > 1000 ? error.substring(0, 1000) : error)
        .setParameter("next", Instant.now(clock).plus(config.documents().retryAfter()))
        .setParameter("id", c.invoiceId())
        .executeUpdate();
  }
}
