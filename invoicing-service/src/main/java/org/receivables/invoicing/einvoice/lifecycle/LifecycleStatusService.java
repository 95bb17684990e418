package org.receivables.invoicing.einvoice.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    LifecycleStatusEntry e =
        entry(invoice, status, on, reason, Source.PLATFORM, decision.effect(), disputeId);
    outbox.record(Topics.INVOICING, event(invoice, e));
    audit.recordAll(List.of(change(invoice, e)));
    return e;
  }

  /** An invoice something just settled: the day it happened and what it was. */
  public record Settlement(Invoice invoice, LocalDate on, String by) {}

  /**
   * The ledger's own PAID (212, encaissée), when {@link LifecycleRules#paidStatusDue} says so:
   * called in the transaction of whatever settled the invoice (a payment, a credit note, a document
   * that arrived paid), with the day it happened and what it was.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void settled(Invoice invoice, LocalDate on, String by) {
    settledAll(List.of(new Settlement(invoice, on, by)));
  }

  /**
   * {@link #settled} for many invoices, their events and audit lines in one batch each: written one
   * by one, each batch insert flushed the whole session again, and a chunk of cash application
   * settles hundreds of invoices.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void settledAll(List<Settlement> settlements) {
    // An invoice two payments of the batch settled is paid once, by the last of them.
    Map<UUID, Settlement> last = new LinkedHashMap<>();
    settlements.forEach(s -> last.put(s.invoice().id, s));
    List<InvoiceLifecycleStatusRecorded> events = new ArrayList<>();
    List<AuditTrail.Change> changes = new ArrayList<>();
    for (Settlement s : last.values()) {
      Invoice invoice = s.invoice();
      if (LifecycleRules.paidStatusDue(invoice.status, invoice.amountPaid)) {
        LifecycleStatusEntry e =
            entry(invoice, LifecycleStatus.PAID, s.on(), s.by(), Source.LEDGER, Effect.NONE, null);
        events.add(event(invoice, e));
        changes.add(change(invoice, e));
      }
    }
    outbox.recordAll(Topics.INVOICING, events);
    audit.recordAll(changes);
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

  /** The status, persisted. */
  private LifecycleStatusEntry entry(
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
    return e;
  }

  private static InvoiceLifecycleStatusRecorded event(Invoice invoice, LifecycleStatusEntry e) {
    return new InvoiceLifecycleStatusRecorded(
        invoice.tenantId,
        invoice.customerId.toString(),
        invoice.id.toString(),
        e.id.toString(),
        invoice.number,
        e.status.name(),
        e.code,
        e.source.name(),
        e.occurredOn,
        e.reason);
  }

  private static AuditTrail.Change change(Invoice invoice, LifecycleStatusEntry e) {
    return new AuditTrail.Change(
        invoice.tenantId,
        invoice.id,
        "LIFECYCLE_STATUS",
        e.status
            + " ("
            + e.code
            + ", "
            + e.status.label()
            + ") from the "
            + e.source.name().toLowerCase()
            + " on "
            + e.occurredOn
            + (e.reason == null ? "" : ": " + e.reason)
            + (e.effect == Effect.NONE ? "" : "; " + e.effect));
  }
}
