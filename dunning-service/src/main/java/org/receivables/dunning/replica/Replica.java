package org.receivables.dunning.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/** Reads the replica: customers with their risk and settings, invoices and their movements. */
@ApplicationScoped
public class Replica {

  /**
   * The columns of {@link CustomerFacts} but its id, each named as its component, from {@code
   * dn_customer c}, {@code dn_customer_risk r} and {@code customer_setting s} (left joins: a
   * customer without them reads false and nulls).
   */
  public static final String CUSTOMER_COLUMNS =
      "c.name, c.language, c.email, c.phone, c.segment, r.risk_class, r.probability_of_default,"
          + " coalesce(c.do_not_dun, false) as do_not_dun, coalesce(r.credit_hold, c.credit_hold,"
          + " false) as credit_hold, coalesce(s.exempt, false) as exempt, s.exempt_until,"
          + " s.policy_id as assigned_policy";

  private static final String CUSTOMER_SQL =
      "select k.customer_id, "
          + CUSTOMER_COLUMNS
          + ", c.customer_id is not null as known"
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
          + " i.total_incl_tax as total, i.outstanding, i.status, i.disputed, d.payment_reference";

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

  /** The customer's facts, and whether invoicing told us about the customer. */
  record CustomerRow(CustomerFacts facts, boolean known) {}

  private CustomerRow customerRow(String tenantId, String customerId) {
    return NamedRows.first(
            em.createNativeQuery(CUSTOMER_SQL, Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("c", customerId),
            CustomerRow.class,
            Columns.Nulls.ZERO)
        .orElseThrow();
  }

  public boolean customerKnown(String tenantId, String customerId) {
    return customer(tenantId, customerId).isPresent();
  }

  public Optional<InvoiceFacts> invoice(String tenantId, String invoiceId) {
    return NamedRows.first(
        em.createNativeQuery(
                "select "
                    + INVOICE_COLUMNS
                    + INVOICES
                    + " where i.tenant_id = :t and i.invoice_id = :i",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("i", invoiceId),
        InvoiceFacts.class,
        Columns.Nulls.ZERO);
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
          NamedRows.list(
              em.createNativeQuery(
                      "select invoice_id, on_date as \"on\", amount from dn_invoice_movement where"
                          + " tenant_id = :t and invoice_id in (:ids) order by on_date",
                      Tuple.class)
                  .setParameter("t", tenantId)
                  .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1_000))),
              InvoiceMovement.class,
              Columns.Nulls.ZERO)) {
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
    return NamedRows.list(
        em.createNativeQuery(
                "select on_date as \"on\", amount from dn_invoice_movement where tenant_id = :t and"
                    + " invoice_id in (:ids) and kind in ('PAYMENT', 'REVERSAL') order by on_date",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("ids", invoiceIds),
        Movement.class,
        Columns.Nulls.ZERO);
  }
}
