package org.receivables.kit.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;

/**
 * The copy of invoicing's invoices that scoring, dunning and kpi each keep (table {@code
 * invoice_replica}, opt-in Flyway location {@code db/invoice-replica}), written by one path and
 * read as records. Every service used to write its own copy and to treat an event about an unknown
 * invoice its own way; here every write names an existing invoice or throws {@link
 * UnknownInvoiceException} (the one rule, docs/events.md).
 *
 * <p>A service calls the {@code apply} overload of each invoicing event first in its handler, then
 * does its own work (dated movements, ledger entries) with the returned invoice, so it never reads
 * back the row just written. Writes run in the caller's transaction, bound to the event's tenant.
 */
@ApplicationScoped
public class InvoiceReplica {

  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * Records an issued invoice, {@code OPEN} with the event's outstanding (its total in events older
   * than that field).
   *
   * @return the new invoice; empty when it was already known (issued twice: the first stays)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<ReplicaInvoice> apply(InvoiceIssued e) {
    return work(c -> InvoiceReplicaRows.issue(c, e, now()));
  }

  /**
   * Records issued invoices of the tenant the transaction is bound to, in one statement: a batch of
   * a thousand issues costs one round trip, not a thousand.
   *
   * @return the ids of the invoices new here (one issued before, or twice in the list, keeps its
   *     first issue)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> applyAll(List<InvoiceIssued> issues) {
    if (issues.isEmpty()) {
      return Set.of();
    }
    return work(c -> InvoiceReplicaRows.issueAll(c, issues, now()));
  }

  /** Outstanding and status after a payment, as the event states them. */
  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(PaymentReceived e) {
    return balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
  }

  /** Outstanding and status after a reversal: the invoice is owed again. */
  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(PaymentReversed e) {
    return balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(CreditNoteIssued e) {
    return balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
  }

  /** Nothing is owed on a cancelled invoice. */
  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(InvoiceCancelled e) {
    return balance(e.tenantId(), e.invoiceId(), BigDecimal.ZERO, "CANCELLED");
  }

  /** Nothing more is collectable on a written-off invoice (zero unless the event states more). */
  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(InvoiceWrittenOff e) {
    BigDecimal outstanding = e.outstanding() == null ? BigDecimal.ZERO : e.outstanding();
    return balance(e.tenantId(), e.invoiceId(), outstanding, "WRITTEN_OFF");
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(InvoiceDueDateChanged e) {
    return work(
        c -> InvoiceReplicaRows.dueDate(c, e.tenantId(), e.invoiceId(), e.dueDate(), now()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(DisputeOpened e) {
    return work(c -> InvoiceReplicaRows.disputed(c, e.tenantId(), e.invoiceId(), true, now()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public ReplicaInvoice apply(DisputeResolved e) {
    return work(c -> InvoiceReplicaRows.disputed(c, e.tenantId(), e.invoiceId(), false, now()));
  }

  /** The invoice, or empty when this service never saw it issued. */
  public Optional<ReplicaInvoice> find(String tenantId, String invoiceId) {
    return work(c -> InvoiceReplicaRows.find(c, tenantId, invoiceId));
  }

  /**
   * The invoice, for a handler that needs it.
   *
   * @throws UnknownInvoiceException when it was never issued here
   */
  public ReplicaInvoice get(String tenantId, String invoiceId) {
    return find(tenantId, invoiceId)
        .orElseThrow(() -> new UnknownInvoiceException(tenantId, invoiceId));
  }

  /** The known invoices among {@code invoiceIds} (unknown ones are left out), in id order. */
  public List<ReplicaInvoice> findAll(String tenantId, Collection<String> invoiceIds) {
    return work(c -> InvoiceReplicaRows.findAll(c, tenantId, invoiceIds));
  }

  /** The customer's invoices, oldest first. */
  public List<ReplicaInvoice> ofCustomer(String tenantId, String customerId) {
    return work(c -> InvoiceReplicaRows.ofCustomer(c, tenantId, customerId));
  }

  private ReplicaInvoice balance(String tenant, String invoice, BigDecimal out, String status) {
    return work(c -> InvoiceReplicaRows.balance(c, tenant, invoice, out, status, now()));
  }

  private Instant now() {
    return Instant.now(clock);
  }

  /**
   * Runs on the session's connection (in a transaction, the transaction's, bound to its tenant).
   * The replica has no entity, so the session holds nothing of it to flush first.
   */
  private <T> T work(Sql<T> sql) {
    return em.unwrap(Session.class).doReturningWork(sql::run);
  }

  @FunctionalInterface
  private interface Sql<T> {
    T run(Connection c) throws SQLException;
  }
}
