package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;

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
   * Moves the invoice (read with its entries, {@link InvoiceRepository#getWithEntries}) to another
   * due date: its balance at the new due date is summed again from its entries, in memory, and the
   * per-due-date totals follow; written with the batch's other movements.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void moveDueDate(InvoiceRef invoice, LocalDate newDue) {
    PendingAggregates pending = aggregates.pending();
    PendingInvoices.DueMove move = pending.invoices.moveDue(invoice.invoiceId(), newDue);
    pending.dueTotal(
        invoice, move.from(), DueTotalChange.leaving(move.balance(), move.atDueBefore()));
    pending.dueTotal(invoice, newDue, DueTotalChange.joining(move.balance(), move.atDue()));
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
