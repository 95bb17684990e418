package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Posts dated movements of what is owed on an invoice, and keeps in the same transaction what reads
 * rely on: the invoice's balance and closing date, the customer's daily flows, and the daily
 * snapshots that the movement makes stale.
 */
@ApplicationScoped
public class Ledger {

  /** The invoice facts a movement needs. */
  public record InvoiceRef(
      UUID invoiceId,
      String tenantId,
      UUID customerId,
      String currency,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal total,
      BigDecimal balance) {}

  @Inject EntityManager em;

  /** The invoice of this tenant, or an {@link UnknownReferenceException}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public InvoiceRef invoice(String tenantId, String invoiceId) {
    UUID id = UUID.fromString(invoiceId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select customer_id, currency, issue_date, due_date, total_incl_tax, balance"
                    + " from kpi_invoice where invoice_id = :id and tenant_id = :tenant")
            .setParameter("id", id)
            .setParameter("tenant", tenantId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new UnknownReferenceException("invoice", invoiceId);
    }
    Object[] r = rows.get(0);
    return new InvoiceRef(
        id,
        tenantId,
        (UUID) r[0],
        ((String) r[1]).trim(),
        date(r[2]),
        date(r[3]),
        (BigDecimal) r[4],
        (BigDecimal) r[5]);
  }

  /** Adds {@code amount} (positive raises what is owed) to the invoice on {@code date}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void post(
      InvoiceRef invoice,
      LocalDate date,
      String kind,
      BigDecimal amount,
      String eventId,
      FlowDelta flow) {
    if (amount.signum() != 0) {
      em.createNativeQuery(
              "insert into kpi_ledger_entry (tenant_id, invoice_id, entry_date, kind, amount,"
                  + " event_id) values (:tenant, :id, :date, :kind, :amount, :event)")
          .setParameter("tenant", invoice.tenantId())
          .setParameter("id", invoice.invoiceId())
          .setParameter("date", date)
          .setParameter("kind", kind)
          .setParameter("amount", amount)
          .setParameter("event", eventId)
          .executeUpdate();
      em.createNativeQuery(
              "update kpi_invoice set balance = balance + :amount, closed_on = case when balance +"
                  + " :amount = 0 then (select max(entry_date) from kpi_ledger_entry e where"
                  + " e.invoice_id = :id) end where invoice_id = :id")
          .setParameter("amount", amount)
          .setParameter("id", invoice.invoiceId())
          .executeUpdate();
    }
    addFlow(invoice, date, flow);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void addFlow(InvoiceRef invoice, LocalDate date, FlowDelta f) {
    em.createNativeQuery(
            "insert into kpi_daily_flow (tenant_id, currency, customer_id, day, invoiced,"
                + " invoices_issued, credited, cancelled, discounted, collected, written_off,"
                + " disputed, collected_due_days, collected_issue_days) values (:tenant, :currency,"
                + " :customer, :day, :invoiced, :issued, :credited, :cancelled, :discounted,"
                + " :collected, :writtenOff, :disputed, :dueDays, :issueDays)"
                + " on conflict (tenant_id, currency, day, customer_id) do update set"
                + " invoiced = kpi_daily_flow.invoiced + excluded.invoiced,"
                + " invoices_issued = kpi_daily_flow.invoices_issued + excluded.invoices_issued,"
                + " credited = kpi_daily_flow.credited + excluded.credited,"
                + " cancelled = kpi_daily_flow.cancelled + excluded.cancelled,"
                + " discounted = kpi_daily_flow.discounted + excluded.discounted,"
                + " collected = kpi_daily_flow.collected + excluded.collected,"
                + " written_off = kpi_daily_flow.written_off + excluded.written_off,"
                + " disputed = kpi_daily_flow.disputed + excluded.disputed,"
                + " collected_due_days = kpi_daily_flow.collected_due_days"
                + " + excluded.collected_due_days,"
                + " collected_issue_days = kpi_daily_flow.collected_issue_days"
                + " + excluded.collected_issue_days")
        .setParameter("tenant", invoice.tenantId())
        .setParameter("currency", invoice.currency())
        .setParameter("customer", invoice.customerId())
        .setParameter("day", date)
        .setParameter("invoiced", f.invoiced())
        .setParameter("issued", f.invoicesIssued())
        .setParameter("credited", f.credited())
        .setParameter("cancelled", f.cancelled())
        .setParameter("discounted", f.discounted())
        .setParameter("collected", f.collected())
        .setParameter("writtenOff", f.writtenOff())
        .setParameter("disputed", f.disputed())
        .setParameter("dueDays", f.collectedDueDays())
        .setParameter("issueDays", f.collectedIssueDays())
        .executeUpdate();
    staleFrom(invoice.tenantId(), invoice.currency(), date);
  }

  /** Snapshots of {@code from} and later no longer hold: they are computed again when read. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void staleFrom(String tenantId, String currency, LocalDate from) {
    em.createNativeQuery(
            "delete from kpi_daily_snapshot where tenant_id = :tenant and currency = :currency"
                + " and day >= :from")
        .setParameter("tenant", tenantId)
        .setParameter("currency", currency)
        .setParameter("from", from)
        .executeUpdate();
  }

  /** Every currency's snapshots of the tenant from {@code from} on. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void staleFrom(String tenantId, LocalDate from) {
    em.createNativeQuery(
            "delete from kpi_daily_snapshot where tenant_id = :tenant and day >= :from")
        .setParameter("tenant", tenantId)
        .setParameter("from", from)
        .executeUpdate();
  }

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
