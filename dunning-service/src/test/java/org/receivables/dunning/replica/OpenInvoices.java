package org.receivables.dunning.replica;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/**
 * The replica read one open invoice at a time, as runs read it before the decision became one SQL
 * statement ({@code run.DueInvoices}): the feed of the test's {@code RunSelection}, the
 * invoice-by-invoice reference {@code DueInvoicesEquivalenceTest} proves the statement equal to.
 * Test-only: no run reads the replica this way any more.
 */
public final class OpenInvoices {

  /** An open invoice as a run sees it: its customer (empty when unknown) and its steps taken. */
  public record OpenInvoice(
      InvoiceFacts invoice, Optional<CustomerFacts> customer, Map<String, LocalDate> stepsTaken) {}

  private static final String OPEN_FOR_RUN =
      "select i.invoice_id, i.customer_id, i.number, i.currency, i.issue_date, i.due_date,"
          + " i.total_incl_tax as total, i.outstanding, i.status, i.disputed, "
          + Replica.CUSTOMER_COLUMNS
          + ", c.customer_id is not null as known, k.step_code, k.as_of, d.payment_reference"
          + " from invoice_replica i left join dunning_invoice d on d.tenant_id = i.tenant_id"
          + " and d.invoice_id = i.invoice_id"
          + " left join dn_customer c on c.tenant_id = i.tenant_id and c.customer_id = i.customer_id"
          + " left join dn_customer_risk r on r.tenant_id = i.tenant_id and r.customer_id ="
          + " i.customer_id"
          + " left join customer_setting s on s.tenant_id = i.tenant_id and s.customer_id ="
          + " i.customer_id"
          + " left join step_claim k on k.tenant_id = i.tenant_id and k.invoice_id = i.invoice_id"
          + " where i.tenant_id = ? and i.outstanding > 0 and i.status not in ('PAID',"
          + " 'CANCELLED', 'WRITTEN_OFF') and i.issue_date <= ?"
          + " order by i.invoice_id";

  /** A row of {@link #OPEN_FOR_RUN}: one step taken (if any) of an open invoice. */
  private record Row(
      InvoiceFacts invoice,
      CustomerFacts customer,
      boolean known,
      String stepCode,
      LocalDate asOf) {}

  private OpenInvoices() {}

  /**
   * Streams every open invoice issued by {@code asOf} with its customer's facts and the steps it
   * has taken, in one query read in pages. Must run inside a transaction (the server-side cursor
   * lives in it).
   */
  public static void forEach(
      EntityManager em, String tenantId, LocalDate asOf, Consumer<OpenInvoice> action) {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement ps = connection.prepareStatement(OPEN_FOR_RUN)) {
                ps.setFetchSize(2_000);
                ps.setString(1, tenantId);
                ps.setObject(2, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                  OpenInvoice current = null;
                  while (rs.next()) {
                    Row row = NamedRows.row(rs, Row.class, Columns.Nulls.FAIL);
                    String invoiceId = row.invoice().invoiceId();
                    if (current == null || !current.invoice().invoiceId().equals(invoiceId)) {
                      if (current != null) {
                        action.accept(current);
                      }
                      current =
                          new OpenInvoice(
                              row.invoice(),
                              row.known() ? Optional.of(row.customer()) : Optional.empty(),
                              new HashMap<>(4));
                    }
                    if (row.stepCode() != null) {
                      current.stepsTaken().put(row.stepCode(), row.asOf());
                    }
                  }
                  if (current != null) {
                    action.accept(current);
                  }
                }
              }
            });
  }
}
