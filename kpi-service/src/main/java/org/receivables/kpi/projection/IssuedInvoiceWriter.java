package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kpi.projection.PendingAggregates.Issue;

/**
 * Writes the invoices a batch issued in two statements, whatever their number: one insert of every
 * invoice row with its balances already set (an issue is the invoice's first movement, so nothing
 * needs reading back), and one JDBC batch of their ledger entries. A bulk import of a thousand
 * invoices used to cost five statements per invoice. What the issues change in the aggregates is
 * summed into the batch's pending changes like any other movement.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IssuedInvoiceWriter {

  private static final Logger LOG = Logger.getLogger(IssuedInvoiceWriter.class);

  /** Balance = total; owed at the due date too unless issued after it; open (closed_on null). */
  private static final String INSERT_INVOICES =
      "insert into kpi_invoice (invoice_id, tenant_id, customer_id, number, currency, issue_date,"
          + " due_date, original_due_date, total_incl_tax, balance, balance_at_due) select id,"
          + " tenant, customer, number, currency, issued, due, due, total, total, case when issued"
          + " <= due then total else 0 end from unnest(cast(? as uuid[]), cast(? as text[]),"
          + " cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as date[]), cast(?"
          + " as date[]), cast(? as numeric[])) as t(id, tenant, customer, number, currency,"
          + " issued, due, total) on conflict (invoice_id) do nothing returning invoice_id";

  private static final String INSERT_ENTRIES =
      "insert into kpi_ledger_entry (tenant_id, invoice_id, entry_date, kind, amount, event_id)"
          + " values (?, ?, ?, 'ISSUED', ?, ?)";

  @Inject EntityManager em;

  /** Writes the pending issues and adds their movements to {@code pending}; then none is left. */
  void write(PendingAggregates pending) {
    if (pending.issued.isEmpty()) {
      return;
    }
    List<Issue> issues = List.copyOf(pending.issued.values());
    pending.issued.clear();
    Set<UUID> inserted = insertInvoices(issues);
    List<Object[]> entries = new ArrayList<>();
    for (Issue issue : issues) {
      InvoiceRef invoice = issue.invoice();
      if (!inserted.contains(invoice.invoiceId())) {
        LOG.warnf(
            "Invoice %s issued twice under different event ids; kept the first",
            invoice.invoiceId());
        continue;
      }
      BigDecimal total = invoice.total();
      if (total.signum() != 0) {
        entries.add(
            new Object[] {
              invoice.tenantId(), invoice.invoiceId(), invoice.issueDate(), total, issue.eventId()
            });
        BigDecimal atDue = invoice.issueDate().isAfter(invoice.dueDate()) ? BigDecimal.ZERO : total;
        pending.dueTotal(
            invoice,
            invoice.dueDate(),
            DueTotalChange.ofMovement(total, invoice.issueDate(), invoice.dueDate(), total, atDue));
        pending.outstandingChange(invoice, invoice.issueDate(), total);
      }
      pending.flow(invoice, invoice.issueDate(), FlowDelta.issued(total));
    }
    JdbcBatch.insert(em, INSERT_ENTRIES, entries);
  }

  /** The ids of the invoices inserted (not there before). */
  private Set<UUID> insertInvoices(List<Issue> issues) {
    int n = issues.size();
    UUID[] ids = new UUID[n];
    String[] tenants = new String[n];
    UUID[] customers = new UUID[n];
    String[] numbers = new String[n];
    String[] currencies = new String[n];
    String[] issued = new String[n];
    String[] due = new String[n];
    BigDecimal[] totals = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      InvoiceRef invoice = issues.get(i).invoice();
      ids[i] = invoice.invoiceId();
      tenants[i] = invoice.tenantId();
      customers[i] = invoice.customerId();
      numbers[i] = issues.get(i).number();
      currencies[i] = invoice.currency();
      issued[i] = invoice.issueDate().toString();
      due[i] = invoice.dueDate().toString();
      totals[i] = invoice.total();
    }
    em.flush();
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(INSERT_INVOICES)) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("text", tenants));
                ps.setArray(3, c.createArrayOf("uuid", customers));
                ps.setArray(4, c.createArrayOf("text", numbers));
                ps.setArray(5, c.createArrayOf("text", currencies));
                ps.setArray(6, c.createArrayOf("text", issued));
                ps.setArray(7, c.createArrayOf("text", due));
                ps.setArray(8, c.createArrayOf("numeric", totals));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    inserted.add(rs.getObject("invoice_id", UUID.class));
                  }
                }
                return inserted;
              }
            });
  }
}
