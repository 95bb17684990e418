package org.receivables.invoicing.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.receivables.events.PaymentReceived;
import org.receivables.events.Topics;
import org.receivables.invoicing.audit.AuditTrail;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleStatusService;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.payment.PaymentService.Result;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;

/**
 * What recorded payments tell, written after them in the same transaction: a PaymentReceived event
 * and an audit line per invoice paid, each kind in one batch (cash application records a chunk of
 * payments at once), then the invoices' lifecycle statuses.
 */
@ApplicationScoped
public class PaymentEvents {

  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject LifecycleStatusService lifecycle;

  /** The payments' PaymentReceived events and audit in one batch each, then lifecycle statuses. */
  List<Result> announce(String tenantId, List<Result> results) {
    List<PaymentReceived> events = new ArrayList<>();
    List<AuditTrail.Change> changes = new ArrayList<>();
    for (Result r : results) {
      Payment payment = r.payment();
      String currency = payment.currency;
      for (PaymentAllocation a : payment.allocations) {
        Invoice i = r.invoices().get(a.invoiceId);
        events.add(
            new PaymentReceived(
                tenantId,
                payment.customerId.toString(),
                i.id.toString(),
                payment.id.toString(),
                currency,
                Money.round(a.amount, currency),
                Money.round(a.discountGranted, currency),
                payment.receivedOn,
                payment.reference,
                Money.round(i.amountPaid, currency),
                Money.round(i.outstanding(), currency),
                i.status.name()));
        changes.add(
            new AuditTrail.Change(
                tenantId,
                i.id,
                "PAYMENT_RECEIVED",
                "payment "
                    + payment.id
                    + " of "
                    + Money.round(a.amount, currency).toPlainString()
                    + " "
                    + currency
                    + (a.discountGranted.signum() > 0
                        ? " with early-payment discount "
                            + Money.round(a.discountGranted, currency).toPlainString()
                        : "")
                    + "; outstanding "
                    + Money.round(i.outstanding(), currency).toPlainString()
                    + ", "
                    + i.status));
      }
    }
    outbox.recordAll(Topics.INVOICING, events);
    audit.recordAll(changes);
    List<LifecycleStatusService.Settlement> settled = new ArrayList<>();
    for (Result r : results) {
      for (PaymentAllocation a : r.payment().allocations) {
        settled.add(
            new LifecycleStatusService.Settlement(
                r.invoices().get(a.invoiceId),
                r.payment().receivedOn,
                "payment " + r.payment().id));
      }
    }
    lifecycle.settledAll(settled);
    return results;
  }
}
