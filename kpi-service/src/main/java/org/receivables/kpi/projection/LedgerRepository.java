package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.receivables.kpi.sql.Rows;

/**
 * Posts dated movements of what is owed on an invoice: the entry and the invoice's balance, balance
 * at its due date and closing date, kept in memory for the batch ({@link PendingInvoices}) and
 * written with its other movements ({@link MovementWriter}); what the movement changes in the
 * aggregates that reads rely on (the customer's daily flows, the tenant-wide totals per due date,
 * per day of change of the outstanding and per day, the daily snapshots it makes stale) is summed
 * for the batch and written when it ends ({@link AggregateWriter}), in the same transaction.
 */
@ApplicationScoped
public class LedgerRepository {

  /** The invoice's state after an update of its balance. */
  private record Balances(
      BigDecimal balance, BigDecimal atDue, LocalDate dueDate, LocalDate issueDate) {}

  @Inject EntityManager em;
  @Inject AggregateWriter aggregates;

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
      PendingAggregates pending = aggregates.pending();
      PendingInvoices.Posted now =
          pending.invoices.post(invoice.invoiceId(), date, kind, amount, eventId);
      pending.dueTotal(
          invoice,
          now.dueDate(),
          DueTotalChange.ofMovement(amount, date, now.dueDate(), now.balance(), now.atDue()));
      pending.outstandingChange(
          invoice, DueTotalChange.outstandingChangeDay(date, now.issueDate()), amount);
    }
    addFlow(invoice, date, flow);
  }

  /**
   * Moves the invoice to another due date: its balance at the new due date is summed again from its
   * entries, and the per-due-date totals follow.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void moveDueDate(InvoiceRef invoice, LocalDate newDue) {
    // rare: written as it comes, after what the batch moved so far
    aggregates.writeMovements();
    Balances before =
        Rows.single(
            em.createNativeQuery(
                    "select balance, balance_at_due, due_date, issue_date from kpi_invoice where"
                        + " invoice_id = :id for update")
                .setParameter("id", invoice.invoiceId()),
            r -> new Balances(r.decimal(0), r.decimal(1), r.date(2), r.date(3)));
    BigDecimal newAtDue =
        Rows.decimal(
            em.createNativeQuery(
                    "select coalesce(sum(amount), 0) from kpi_ledger_entry where invoice_id = :id"
                        + " and entry_date <= :due")
                .setParameter("id", invoice.invoiceId())
                .setParameter("due", newDue));
    em.createNativeQuery(
            "update kpi_invoice set due_date = :due, balance_at_due = :atDue where invoice_id ="
                + " :id")
        .setParameter("due", newDue)
        .setParameter("atDue", newAtDue)
        .setParameter("id", invoice.invoiceId())
        .executeUpdate();
    PendingAggregates pending = aggregates.pending();
    pending.invoices.forget(invoice.invoiceId());
    pending.dueTotal(
        invoice, before.dueDate(), DueTotalChange.leaving(before.balance(), before.atDue()));
    pending.dueTotal(invoice, newDue, DueTotalChange.joining(before.balance(), newAtDue));
  }

  /** Adds a movement's flows to its customer's and its tenant's rows of the day. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addFlow(InvoiceRef invoice, LocalDate date, FlowDelta f) {
    aggregates.pending().flow(invoice, date, f);
  }

  /** Snapshots of {@code from} and later no longer hold: they are computed again when read. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void staleFrom(String tenantId, String currency, LocalDate from) {
    aggregates.pending().stale(tenantId, currency, from);
  }

  /** Every currency's snapshots of the tenant from {@code from} on. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void staleFrom(String tenantId, LocalDate from) {
    aggregates.pending().stale(tenantId, null, from);
  }
}
