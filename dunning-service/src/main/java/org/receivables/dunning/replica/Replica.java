package org.receivables.dunning.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.receivables.dunning.common.Rows;

/** Reads the replica: customers with their risk and settings, invoices and their movements. */
@ApplicationScoped
public class Replica {

  private static final String CUSTOMER_SQL =
      "select k.customer_id, c.name, c.language, c.email, c.phone, c.segment, r.risk_class,"
          + " r.probability_of_default, coalesce(c.do_not_dun, false),"
          + " coalesce(r.credit_hold, c.credit_hold, false), coalesce(s.exempt, false), s.exempt_until,"
          + " s.policy_id, c.customer_id is not null"
          + " from (select :c as customer_id) k"
          + " left join dn_customer c on c.tenant_id = :t and c.customer_id = k.customer_id"
          + " left join dn_customer_risk r on r.tenant_id = :t and r.customer_id = k.customer_id"
          + " left join customer_setting s on s.tenant_id = :t and s.customer_id = k.customer_id";

  /** The kit's invoice replica with dunning's own columns beside it. */
  private static final String INVOICES =
      " from invoice_replica i left join dunning_invoice d on d.tenant_id = i.tenant_id"
          + " and d.invoice_id = i.invoice_id";

  private static final String INVOICE_COLUMNS =
      "i.invoice_id, i.customer_id, i.number, i.currency, i.issue_date, i.due_date,"
          + " i.total_incl_tax, i.outstanding, i.status, i.disputed, d.payment_reference";

  @Inject EntityManager em;

  /** The customer's facts, or empty when invoicing never told us about it. */
  public Optional<CustomerFacts> customer(String tenantId, String customerId) {
    CustomerRow r = customerRow(tenantId, customerId);
    return r.known() ? Optional.of(r.facts()) : Optional.empty();
  }

  /**
   * Settings and risk even for a customer whose data has not arrived (assignments may come first).
   */
  public CustomerFacts customerOrBlank(String tenantId, String customerId) {
    return customerRow(tenantId, customerId).facts();
  }

  /** The customer columns in select order, and whether invoicing told us about the customer. */
  record CustomerRow(
      String customerId,
      String name,
      String language,
      String email,
      String phone,
      String segment,
      String riskClass,
      BigDecimal probabilityOfDefault,
      boolean doNotDun,
      boolean creditHold,
      boolean exempt,
      LocalDate exemptUntil,
      UUID assignedPolicy,
      boolean known) {

    CustomerFacts facts() {
      return new CustomerFacts(
          customerId,
          name,
          language,
          email,
          phone,
          segment,
          riskClass,
          probabilityOfDefault,
          doNotDun,
          creditHold,
          exempt,
          exemptUntil,
          assignedPolicy);
    }
  }

  private CustomerRow customerRow(String tenantId, String customerId) {
    return Rows.first(
            em.createNativeQuery(CUSTOMER_SQL)
                .setParameter("t", tenantId)
                .setParameter("c", customerId),
            CustomerRow.class)
        .orElseThrow();
  }

  public boolean customerKnown(String tenantId, String customerId) {
    return customer(tenantId, customerId).isPresent();
  }

  /**
   * An invoice as a run reads it: columns 1 to 10 (id, customer, number, currency, issue and due
   * dates, total, outstanding, status, disputed), the payment reference at {@code reference}.
   */
  public static InvoiceFacts invoiceAt(ResultSet rs, int reference) throws SQLException {
    return new InvoiceFacts(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getObject(5, LocalDate.class),
        rs.getObject(6, LocalDate.class),
        rs.getBigDecimal(7),
        rs.getBigDecimal(8),
        rs.getString(9),
        rs.getBoolean(10),
        rs.getString(reference));
  }

  /**
   * A customer as a run reads it: twelve columns from {@code first} (name, language, e-mail, phone,
   * segment, risk class, probability of default, do-not-dun, credit hold, exempt, exempt until,
   * assigned policy).
   */
  public static CustomerFacts customerAt(ResultSet rs, String customerId, int first)
      throws SQLException {
    return new CustomerFacts(
        customerId,
        rs.getString(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        rs.getString(first + 3),
        rs.getString(first + 4),
        rs.getString(first + 5),
        rs.getBigDecimal(first + 6),
        rs.getBoolean(first + 7),
        rs.getBoolean(first + 8),
        rs.getBoolean(first + 9),
        rs.getObject(first + 10, LocalDate.class),
        rs.getObject(first + 11, UUID.class));
  }

  public Optional<InvoiceFacts> invoice(String tenantId, String invoiceId) {
    return Rows.first(
        em.createNativeQuery(
                "select "
                    + INVOICE_COLUMNS
                    + INVOICES
                    + " where i.tenant_id = :t and i.invoice_id = :i")
            .setParameter("t", tenantId)
            .setParameter("i", invoiceId),
        InvoiceFacts.class);
  }

  public List<InvoiceFacts> invoices(String tenantId, Collection<String> invoiceIds) {
    List<InvoiceFacts> out = new ArrayList<>();
    for (String id : invoiceIds) {
      invoice(tenantId, id).ifPresent(out::add);
    }
    return out;
  }

  /** One movement of one invoice, as read. */
  record InvoiceMovement(String invoiceId, LocalDate on, BigDecimal amount) {}

  /**
   * Movements per invoice (payments, reversals, credit notes) that change the principal; read a
   * thousand invoices per query.
   */
  public Map<String, List<Movement>> movements(String tenantId, Collection<String> invoiceIds) {
    Map<String, List<Movement>> out = new HashMap<>();
    List<String> ids = List.copyOf(invoiceIds);
    for (int from = 0; from < ids.size(); from += 1_000) {
      for (InvoiceMovement m :
          Rows.list(
              em.createNativeQuery(
                      "select invoice_id, on_date, amount from dn_invoice_movement where tenant_id"
                          + " = :t and invoice_id in (:ids) order by on_date")
                  .setParameter("t", tenantId)
                  .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1_000))),
              InvoiceMovement.class)) {
        out.computeIfAbsent(m.invoiceId(), k -> new ArrayList<>())
            .add(new Movement(m.on(), m.amount()));
      }
    }
    return out;
  }

  /** Payments (net of reversals) on the given invoices, by date. */
  public List<Movement> payments(String tenantId, Collection<String> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return List.of();
    }
    return Rows.list(
        em.createNativeQuery(
                "select on_date, amount from dn_invoice_movement where tenant_id = :t and invoice_id in (:ids)"
                    + " and kind in ('PAYMENT', 'REVERSAL') order by on_date")
            .setParameter("t", tenantId)
            .setParameter("ids", invoiceIds),
        Movement.class);
  }
}
