package org.receivables.dunning.replica;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;

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
          + " i.total_incl_tax, i.outstanding, i.status, i.disputed, c.name, c.language, c.email,"
          + " c.phone, c.segment, r.risk_class, r.probability_of_default,"
          + " coalesce(c.do_not_dun, false), coalesce(r.credit_hold, c.credit_hold, false),"
          + " coalesce(s.exempt, false), s.exempt_until, s.policy_id, c.customer_id is not null,"
          + " k.step_code, k.as_of, d.payment_reference"
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
                    String invoiceId = rs.getString(1);
                    if (current == null || !current.invoice().invoiceId().equals(invoiceId)) {
                      if (current != null) {
                        action.accept(current);
                      }
                      current = openInvoice(rs);
                    }
                    String step = rs.getString(24);
                    if (step != null) {
                      current.stepsTaken().put(step, rs.getObject(25, LocalDate.class));
                    }
                  }
                  if (current != null) {
                    action.accept(current);
                  }
                }
              }
            });
  }

  private static OpenInvoice openInvoice(ResultSet rs) throws SQLException {
    InvoiceFacts invoice = Replica.invoiceAt(rs, 26);
    Optional<CustomerFacts> customer =
        rs.getBoolean(23)
            ? Optional.of(Replica.customerAt(rs, invoice.customerId(), 11))
            : Optional.empty();
    return new OpenInvoice(invoice, customer, new HashMap<>(4));
  }
}
