package org.receivables.invoicing.einvoice.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.events.InvoiceLifecycleStatusRecorded;
import org.receivables.events.Topics;
import org.receivables.invoicing.audit.AuditTrail;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.dispute.DisputeRequest;
import org.receivables.invoicing.dispute.DisputeService;
import org.receivables.invoicing.einvoice.EInvoiceConfig;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.Decision;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.Effect;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.RefusalMeans;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleStatusEntry.Source;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;

/**
 * Records the French lifecycle statuses of an invoice and applies what {@link LifecycleRules}
 * decides, through the dispute and invoice services (so their events and audit entries follow), in
 * the same transaction as the status, its event and its line in the invoice's audit trail.
 */
@ApplicationScoped
public class LifecycleStatusService {

  @Inject InvoiceService invoices;
  @Inject DisputeService disputes;
  @Inject EInvoiceConfig config;
  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @Transactional
  public LifecycleStatusEntry record(
      String tenantId, UUID invoiceId, LifecycleStatusRequest request) {
    LifecycleStatus status =
        LifecycleStatus.parse(request.status())
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "status",
                        "is not a lifecycle status: use a name such as REFUSED or a code 200 to"
                            + " 213"));
    String reason = request.reason() == null ? null : request.reason().strip();
    boolean needsReason = status == LifecycleStatus.REFUSED || status == LifecycleStatus.IN_DISPUTE;
    if (needsReason && (reason == null || reason.isEmpty())) {
      throw ProblemException.invalid("reason", "is required for " + status);
    }
    Invoice invoice = invoices.lock(tenantId, invoiceId);
    LocalDate on = calendar.asOfOrToday(request.occurredOn());
    if (on.isAfter(calendar.today())) {
      throw ProblemException.invalid("occurredOn", "must not be in the future");
    }
    if (on.isBefore(invoice.issueDate)) {
      throw ProblemException.invalid(
          "occurredOn", "must not be before the invoice's issue date " + invoice.issueDate);
    }
    RefusalMeans means =
        Optional.ofNullable(config.refusedMeans().get(tenantId)).orElse(RefusalMeans.DISPUTE);
    Decision decision = LifecycleRules.forPlatform(status, facts(tenantId, invoice), means);
    if (decision.refused()) {
      throw decision.refusalStatus() == 409
          ? ProblemException.conflict(decision.refusal())
          : Problems.unprocessable("status", decision.refusal());
    }
    UUID disputeId = null;
    String why = status.label() + " (" + status.code() + "): " + reason;
    if (decision.effect() == Effect.DISPUTE_OPENED) {
      disputeId =
          disputes.open(tenantId, invoiceId, new DisputeRequest(why, null, on)).dispute().id;
    } else if (decision.effect() == Effect.INVOICE_CANCELLED) {
      invoices.cancelLocked(invoice, on, why);
    }
    return save(invoice, status, on, reason, Source.PLATFORM, decision.effect(), disputeId);
  }

  /**
   * The ledger's own PAID (212, encaissée), when {@link LifecycleRules#paidStatusDue} says so:
   * called in the transaction of whatever settled the invoice (a payment, a credit note, a document
   * that arrived paid), with the day it happened and what it was.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void settled(Invoice invoice, LocalDate on, String by) {
    if (LifecycleRules.paidStatusDue(invoice.status, invoice.amountPaid)) {
      save(invoice, LifecycleStatus.PAID, on, by, Source.LEDGER, Effect.NONE, null);
    }
  }

  public List<LifecycleStatusEntry> list(String tenantId, UUID invoiceId) {
    invoices.get(tenantId, invoiceId);
    return LifecycleStatusEntry.list(
        "tenantId = ?1 and invoiceId = ?2 order by createdAt, id", tenantId, invoiceId);
  }

  private LifecycleRules.Facts facts(String tenantId, Invoice invoice) {
    Optional<LifecycleStatus> lastTerminal =
        LifecycleStatusEntry.<LifecycleStatusEntry>find(
                "tenantId = ?1 and invoiceId = ?2 and status in ?3 order by createdAt desc, id",
                tenantId,
                invoice.id,
                List.of(LifecycleStatus.REFUSED, LifecycleStatus.REJECTED, LifecycleStatus.PAID))
            .firstResultOptional()
            .map(e -> e.status);
    return new LifecycleRules.Facts(
        invoice.status, invoice.disputed, invoice.amountPaid, lastTerminal);
  }

  private LifecycleStatusEntry save(
      Invoice invoice,
      LifecycleStatus status,
      LocalDate on,
      String reason,
      Source source,
      Effect effect,
      UUID disputeId) {
    LifecycleStatusEntry e = new LifecycleStatusEntry();
    e.id = UUID.randomUUID();
    e.tenantId = invoice.tenantId;
    e.invoiceId = invoice.id;
    e.status = status;
    e.code = status.code();
    e.occurredOn = on;
    e.reason = reason;
    e.source = source;
    e.effect = effect;
    e.disputeId = disputeId;
    e.createdAt = Instant.now(clock);
    e.persist();
    outbox.record(
        Topics.INVOICING,
        new InvoiceLifecycleStatusRecorded(
            invoice.tenantId,
            invoice.customerId.toString(),
            invoice.id.toString(),
            e.id.toString(),
            invoice.number,
            status.name(),
            status.code(),
            source.name(),
            on,
            reason));
    audit.record(
        invoice.tenantId,
        invoice.id,
        "LIFECYCLE_STATUS",
        status
            + " ("
            + status.code()
            + ", "
            + status.label()
            + ") from the "
            + source.name().toLowerCase()
            + " on "
            + on
            + (reason == null ? "" : ": " + reason)
            + (effect == Effect.NONE ? "" : "; " + effect));
    return e;
  }
}
