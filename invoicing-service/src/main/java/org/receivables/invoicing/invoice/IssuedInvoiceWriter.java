package org.receivables.invoicing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.receivables.kit.jdbc.JdbcBatch;

/**
 * Writes newly issued invoices and their lines with JDBC batches. Issuing is insert-only, so the
 * ORM's persist, dirty checking and per-entity bookkeeping buy nothing there and cost most of a
 * bulk import's time; later changes to an invoice go through the entity as before. Issuing queues
 * no PDF: one is rendered only when dunning asks for it (einvoice.documents.DocumentRequests),
 * since most invoices are paid without a reminder and rendering costs more than issuing.
 */
@ApplicationScoped
class IssuedInvoiceWriter {

  private static final String INSERT_INVOICE =
      "insert into invoice (id, tenant_id, customer_id, number, payment_reference, status, issue_date, due_date,"
          + " currency, total_excl_tax, total_tax, total_incl_tax, amount_paid, discount_granted,"
          + " amount_credited, amount_written_off, discount_percent, discount_deadline, disputed,"
          + " terms_warning, version, created_at, buyer_vat_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_LINE =
      "insert into invoice_line (invoice_id, line_no, description, quantity, unit_price, vat_rate,"
          + " net_amount, vat_category, vat_exemption_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject EntityManager em;

  /** Inserts in the caller's transaction, after whatever the session still has to flush. */
  @Transactional(Transactional.TxType.MANDATORY)
  void insert(List<Invoice> invoices) {
    List<Object[]> rows = new ArrayList<>(invoices.size());
    List<Object[]> lines = new ArrayList<>(invoices.size() * 2);
    for (Invoice i : invoices) {
      rows.add(
          new Object[] {
            i.id,
            i.tenantId,
            i.customerId,
            i.number,
            i.paymentReference,
            i.status.name(),
            i.issueDate,
            i.dueDate,
            i.currency,
            i.totalExclTax,
            i.totalTax,
            i.totalInclTax,
            i.amountPaid,
            i.discountGranted,
            i.amountCredited,
            i.amountWrittenOff,
            i.discountPercent,
            i.discountDeadline,
            i.disputed,
            i.termsWarning,
            i.version,
            i.createdAt,
            i.buyerVatId
          });
      for (InvoiceLine l : i.lines) {
        lines.add(
            new Object[] {
              i.id,
              l.lineNo,
              l.description,
              l.quantity,
              l.unitPrice,
              l.vatRate,
              l.netAmount,
              l.category().name(),
              l.vatExemptionReason
            });
      }
    }
    JdbcBatch.insert(em, INSERT_INVOICE, rows);
    JdbcBatch.insert(em, INSERT_LINE, lines);
  }
}
