package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.kit.replica.UnknownInvoiceException;
import org.receivables.kpi.sql.Rows;

/** The projected invoices with their payments and disputes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvoiceRepository {

  @Inject EntityManager em;
  @Inject AggregateWriter aggregates;

  /** The invoice of this tenant, or an {@link UnknownInvoiceException}: never a placeholder. */
  public InvoiceRef get(String tenantId, String invoiceId) {
    UUID id = UUID.fromString(invoiceId);
    aggregates.writeIssued();
    return Rows.first(
            em.createNativeQuery(
                    "select customer_id, currency, issue_date, due_date, total_incl_tax, balance"
                        + " from kpi_invoice where invoice_id = :id and tenant_id = :tenant")
                .setParameter("id", id)
                .setParameter("tenant", tenantId),
            r ->
                new InvoiceRef(
                    id,
                    tenantId,
                    r.uuid(0),
                    r.code(1),
                    r.date(2),
                    r.date(3),
                    r.decimal(4),
                    r.decimal(5)))
        .orElseThrow(() -> new UnknownInvoiceException(tenantId, invoiceId));
  }

  /** The currency of the first of these invoices that the tenant has, if any. */
  public Optional<String> currencyOfAny(String tenantId, List<String> invoiceIds) {
    aggregates.writeIssued();
    for (String id : invoiceIds) {
      Optional<String> found =
          Rows.first(
              em.createNativeQuery(
                      "select currency from kpi_invoice where invoice_id = :id and tenant_id ="
                          + " :tenant")
                  .setParameter("id", UUID.fromString(id))
                  .setParameter("tenant", tenantId),
              r -> r.code(0));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  public void insertPayment(InvoiceRef invoice, String paymentId, LocalDate on, BigDecimal amount) {
    em.createNativeQuery(
            "insert into kpi_payment (invoice_id, payment_id, received_on, amount) values (:id,"
                + " :payment, :on, :amount) on conflict do nothing")
        .setParameter("id", invoice.invoiceId())
        .setParameter("payment", paymentId)
        .setParameter("on", on)
        .setParameter("amount", amount)
        .executeUpdate();
  }

  /** The day a payment of the invoice was received, if it was projected. */
  public Optional<LocalDate> paymentDate(InvoiceRef invoice, String paymentId) {
    return Rows.first(
        em.createNativeQuery(
                "select received_on from kpi_payment where invoice_id = :id and payment_id ="
                    + " :payment")
            .setParameter("id", invoice.invoiceId())
            .setParameter("payment", paymentId),
        r -> r.date(0));
  }

  /**
   * Opens a dispute on the invoice.
   *
   * @return false when that dispute was already open
   */
  public boolean openDispute(
      InvoiceRef invoice, String disputeId, BigDecimal amount, LocalDate on) {
    int inserted =
        em.createNativeQuery(
                "insert into kpi_dispute (tenant_id, dispute_id, invoice_id, amount, opened_on)"
                    + " values (:tenant, :dispute, :invoice, :amount, :on) on conflict do nothing")
            .setParameter("tenant", invoice.tenantId())
            .setParameter("dispute", disputeId)
            .setParameter("invoice", invoice.invoiceId())
            .setParameter("amount", amount)
            .setParameter("on", on)
            .executeUpdate();
    if (inserted == 1) {
      em.createNativeQuery("update kpi_invoice set disputed = true where invoice_id = :id")
          .setParameter("id", invoice.invoiceId())
          .executeUpdate();
    }
    return inserted == 1;
  }

  /** Resolves a dispute; the invoice stays disputed while another of its disputes is open. */
  public void resolveDispute(InvoiceRef invoice, String disputeId, String outcome, LocalDate on) {
    em.createNativeQuery(
            "update kpi_dispute set outcome = :outcome, resolved_on = :on where tenant_id ="
                + " :tenant and dispute_id = :dispute")
        .setParameter("outcome", outcome)
        .setParameter("on", on)
        .setParameter("tenant", invoice.tenantId())
        .setParameter("dispute", disputeId)
        .executeUpdate();
    em.createNativeQuery(
            "update kpi_invoice set disputed = exists (select 1 from kpi_dispute d where"
                + " d.invoice_id = :id and d.resolved_on is null) where invoice_id = :id")
        .setParameter("id", invoice.invoiceId())
        .executeUpdate();
  }
}
