package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;

/**
 * What each event about an invoice posts to the ledger and its flows. An event about an invoice
 * never issued throws the kit's {@link org.receivables.kit.replica.UnknownInvoiceException} (from
 * {@link InvoiceRepository#get}): one rule for every consumer, the record is dead-lettered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvoiceEvents {

  private static final Logger LOG = Logger.getLogger(InvoiceEvents.class);

  @Inject InvoiceRepository invoices;
  @Inject LedgerRepository ledger;
  @Inject AggregateWriter aggregates;

  /**
   * The invoice is built from the event: nothing is read back. It is written with the batch's other
   * issued invoices ({@link IssuedInvoiceWriter}), before any event reads an invoice.
   */
  void onIssued(InvoiceIssued e, String eventId) {
    InvoiceRef invoice =
        new InvoiceRef(
            UUID.fromString(e.invoiceId()),
            e.tenantId(),
            UUID.fromString(e.customerId()),
            e.currency(),
            e.issueDate(),
            e.dueDate(),
            e.totalInclTax(),
            BigDecimal.ZERO);
    if (!aggregates.pending().issue(invoice, e.number(), eventId)) {
      LOG.warnf("Invoice %s issued twice under different event ids; kept the first", e.invoiceId());
    }
  }

  void onPayment(PaymentReceived e, String eventId) {
    InvoiceRef invoice = invoices.get(e.tenantId(), e.invoiceId());
    LocalDate on = e.receivedOn();
    invoices.insertPayment(invoice, String.valueOf(e.paymentId()), on, e.amount());
    ledger.post(
        invoice,
        on,
        "PAYMENT",
        e.amount().negate(),
        eventId,
        FlowDelta.collected(
            e.amount(), days(invoice.dueDate(), on), days(invoice.issueDate(), on)));
    BigDecimal discount = e.discountGranted();
    if (discount != null && discount.signum() > 0) {
      ledger.post(
          invoice, on, "DISCOUNT", discount.negate(), eventId, FlowDelta.discounted(discount));
    }
  }

  void onReversal(PaymentReversed e, String eventId) {
    InvoiceRef invoice = invoices.get(e.tenantId(), e.invoiceId());
    // The reversal undoes the delay weighting of the payment it reverses, dated as that payment.
    LocalDate weightedOn =
        invoices.paymentDate(invoice, String.valueOf(e.paymentId())).orElse(e.reversedOn());
    ledger.post(
        invoice,
        e.reversedOn(),
        "PAYMENT_REVERSED",
        e.amount(),
        eventId,
        FlowDelta.collected(
            e.amount().negate(),
            days(invoice.dueDate(), weightedOn),
            days(invoice.issueDate(), weightedOn)));
  }

  void onCreditNote(CreditNoteIssued e, String eventId) {
    InvoiceRef invoice = invoices.get(e.tenantId(), e.invoiceId());
    ledger.post(
        invoice,
        e.issuedOn(),
        "CREDIT_NOTE",
        e.amount().negate(),
        eventId,
        FlowDelta.credited(e.amount()));
  }

  void onCancelled(InvoiceCancelled e, String eventId) {
    InvoiceRef invoice = invoices.get(e.tenantId(), e.invoiceId());
    BigDecimal open = invoice.balance();
    ledger.post(
        invoice, e.cancelledOn(), "CANCELLED", open.negate(), eventId, FlowDelta.cancelled(open));
  }

  void onWrittenOff(InvoiceWrittenOff e, String eventId) {
    InvoiceRef invoice = invoices.get(e.tenantId(), e.invoiceId());
    BigDecimal amount = e.amount() != null ? e.amount() : invoice.balance();
    ledger.post(
        invoice,
        e.writtenOffOn(),
        "WRITTEN_OFF",
        amount.negate(),
        eventId,
        FlowDelta.writtenOff(amount));
  }

  void onDueDateChanged(InvoiceDueDateChanged e) {
    InvoiceRef invoice = invoices.getWithEntries(e.tenantId(), e.invoiceId());
    ledger.moveDueDate(invoice, e.dueDate());
    // The event carries no effective date: the new due date holds for every as-of date.
    ledger.staleFrom(invoice.tenantId(), invoice.currency(), invoice.issueDate());
  }

  void onDisputeOpened(DisputeOpened e) {
    InvoiceRef invoice = invoices.get(e.tenantId(), e.invoiceId());
    BigDecimal amount = e.amount() != null ? e.amount() : invoice.total();
    if (invoices.openDispute(invoice, e.disputeId(), amount, e.openedOn())) {
      ledger.addFlow(invoice, e.openedOn(), FlowDelta.disputed(amount));
    }
  }

  void onDisputeResolved(DisputeResolved e) {
    InvoiceRef invoice = invoices.get(e.tenantId(), e.invoiceId());
    invoices.resolveDispute(invoice, e.disputeId(), e.outcome(), e.resolvedOn());
  }

  private static long days(LocalDate from, LocalDate to) {
    return to.toEpochDay() - from.toEpochDay();
  }
}
