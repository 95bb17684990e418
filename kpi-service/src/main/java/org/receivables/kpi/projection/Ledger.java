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
 * rely on: the invoice's balance, balance at its due date and closing date, the customer's daily
 * flows, the tenant-wide aggregates (per due date, per day of change of the outstanding, daily
 * flows of the whole tenant) and the daily snapshots that the movement makes stale.
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
      Object[] now =
          (Object[])
              em.createNativeQuery(
                      "update kpi_invoice set balance = balance + :amount, closed_on = case when"
                          + " balance + :amount = 0 then (select max(entry_date) from"
                          + " kpi_ledger_entry e where e.invoice_id = :id) end, balance_at_due ="
                          + " balance_at_due + case when :date <= due_date then :amount else 0"
                          + " end where invoice_id = :id returning balance, balance_at_due,"
                          + " due_date, issue_date")
                  .setParameter("amount", amount)
                  .setParameter("date", date)
                  .setParameter("id", invoice.invoiceId())
                  .getSingleResult();
      BigDecimal balance = (BigDecimal) now[0];
      BigDecimal atDue = (BigDecimal) now[1];
      LocalDate due = date(now[2]);
      BigDecimal atDueBefore = date.isAfter(due) ? atDue : atDue.subtract(amount);
      addToDueTotal(
          invoice,
          due,
          amount,
          openCount(balance) - openCount(balance.subtract(amount)),
          atDue.max(BigDecimal.ZERO).subtract(atDueBefore.max(BigDecimal.ZERO)));
      // no invoice is outstanding before its issue date: an earlier entry counts from it
      LocalDate issue = date(now[3]);
      em.createNativeQuery(
              "insert into kpi_outstanding_change (tenant_id, currency, day, amount) values"
                  + " (:tenant, :currency, :day, :amount) on conflict (tenant_id, currency, day)"
                  + " do update set amount = kpi_outstanding_change.amount + excluded.amount")
          .setParameter("tenant", invoice.tenantId())
          .setParameter("currency", invoice.currency())
          .setParameter("day", date.isBefore(issue) ? issue : date)
          .setParameter("amount", amount)
          .executeUpdate();
    }
    addFlow(invoice, date, flow);
  }

  /**
   * Moves the invoice to another due date: its balance at the new due date is summed again from its
   * entries, and the per-due-date totals follow.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void moveDueDate(InvoiceRef invoice, LocalDate newDue) {
    Object[] before =
        (Object[])
            em.createNativeQuery(
                    "select due_date, balance, balance_at_due from kpi_invoice where invoice_id ="
                        + " :id for update")
                .setParameter("id", invoice.invoiceId())
                .getSingleResult();
    LocalDate oldDue = date(before[0]);
    BigDecimal balance = (BigDecimal) before[1];
    BigDecimal oldAtDue = (BigDecimal) before[2];
    BigDecimal newAtDue =
        (BigDecimal)
            em.createNativeQuery(
                    "select coalesce(sum(amount), 0) from kpi_ledger_entry where invoice_id = :id"
                        + " and entry_date <= :due")
                .setParameter("id", invoice.invoiceId())
                .setParameter("due", newDue)
                .getSingleResult();
    em.createNativeQuery(
            "update kpi_invoice set due_date = :due, balance_at_due = :atDue where invoice_id ="
                + " :id")
        .setParameter("due", newDue)
        .setParameter("atDue", newAtDue)
        .setParameter("id", invoice.invoiceId())
        .executeUpdate();
    int open = openCount(balance);
    addToDueTotal(invoice, oldDue, balance.negate(), -open, oldAtDue.max(BigDecimal.ZERO).negate());
    addToDueTotal(invoice, newDue, balance, open, newAtDue.max(BigDecimal.ZERO));
  }

  private void addToDueTotal(
      InvoiceRef invoice, LocalDate due, BigDecimal balance, int open, BigDecimal owedAtDue) {
    em.createNativeQuery(
            "insert into kpi_due_total (tenant_id, currency, due_date, balance, open_count,"
                + " owed_at_due) values (:tenant, :currency, :due, :balance, :open, :owed) on"
                + " conflict (tenant_id, currency, due_date) do update set balance ="
                + " kpi_due_total.balance + excluded.balance, open_count ="
                + " kpi_due_total.open_count + excluded.open_count, owed_at_due ="
                + " kpi_due_total.owed_at_due + excluded.owed_at_due")
        .setParameter("tenant", invoice.tenantId())
        .setParameter("currency", invoice.currency())
        .setParameter("due", due)
        .setParameter("balance", balance)
        .setParameter("open", open)
        .setParameter("owed", owedAtDue)
        .executeUpdate();
  }

  private static int openCount(BigDecimal balance) {
    return balance.signum() == 0 ? 0 : 1;
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
    em.createNativeQuery(
            "insert into kpi_tenant_daily_flow (tenant_id, currency, day, invoiced,"
                + " invoices_issued, credited, cancelled, discounted, collected, written_off,"
                + " disputed, collected_due_days, collected_issue_days) values (:tenant,"
                + " :currency, :day, :invoiced, :issued, :credited, :cancelled, :discounted,"
                + " :collected, :writtenOff, :disputed, :dueDays, :issueDays)"
                + " on conflict (tenant_id, currency, day) do update set"
                + " invoiced = kpi_tenant_daily_flow.invoiced + excluded.invoiced,"
                + " invoices_issued = kpi_tenant_daily_flow.invoices_issued"
                + " + excluded.invoices_issued,"
                + " credited = kpi_tenant_daily_flow.credited + excluded.credited,"
                + " cancelled = kpi_tenant_daily_flow.cancelled + excluded.cancelled,"
                + " discounted = kpi_tenant_daily_flow.discounted + excluded.discounted,"
                + " collected = kpi_tenant_daily_flow.collected + excluded.collected,"
                + " written_off = kpi_tenant_daily_flow.written_off + excluded.written_off,"
                + " disputed = kpi_tenant_daily_flow.disputed + excluded.disputed,"
                + " collected_due_days = kpi_tenant_daily_flow.collected_due_days"
                + " + excluded.collected_due_days,"
                + " collected_issue_days = kpi_tenant_daily_flow.collected_issue_days"
                + " + excluded.collected_issue_days")
        .setParameter("tenant", invoice.tenantId())
        .setParameter("currency", invoice.currency())
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
