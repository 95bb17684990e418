package org.receivables.invoicing.dispute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.Topics;
import org.receivables.invoicing.audit.AuditTrail;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.creditnote.CreditNote;
import org.receivables.invoicing.creditnote.CreditNoteService;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceLifecycle.Operation;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;

/**
 * Opens and resolves disputes. One dispute at a time per invoice; an accepted dispute ends in a
 * credit note or a cancellation, in the same transaction as its resolution.
 */
@ApplicationScoped
public class DisputeService {

  /** A dispute and the credit note its acceptance issued, if any. */
  public record Result(Dispute dispute, Invoice invoice, CreditNote creditNote) {}

  @Inject EntityManager em;
  @Inject InvoiceService invoices;
  @Inject CreditNoteService creditNotes;
  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @Transactional
  public Result open(String tenantId, UUID invoiceId, DisputeRequest request) {
    Invoice invoice = invoices.lock(tenantId, invoiceId);
    invoice.require(Operation.OPEN_DISPUTE);
    if (invoice.disputed) {
      throw Problems.state("Invoice " + invoice.number + " already has an open dispute");
    }
    String cur = invoice.currency;
    if (request.amount() != null) {
      if (!Money.fitsMinorUnits(request.amount(), cur)) {
        throw ProblemException.invalid("amount", "has more decimals than " + cur + " allows");
      }
      if (request.amount().compareTo(invoice.outstanding()) > 0) {
        throw Problems.unprocessable(
            "amount",
            "exceeds the outstanding amount "
                + Money.round(invoice.outstanding(), cur).toPlainString());
      }
    }
    LocalDate openedOn = calendar.asOfOrToday(request.openedOn());
    Dispute dispute = new Dispute();
    dispute.id = UUID.randomUUID();
    dispute.tenantId = tenantId;
    dispute.invoiceId = invoiceId;
    dispute.reason = request.reason();
    dispute.amount = request.amount();
    dispute.status = Dispute.Status.OPEN;
    dispute.openedOn = openedOn;
    dispute.createdAt = Instant.now(clock);
    dispute.persist();
    invoice.disputed = true;
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
        throw Problems.state("Invoice " + invoice.number + " already has an open dispute");
      }
      throw e;
    }
    outbox.record(
        Topics.INVOICING,
        new DisputeOpened(
            tenantId,
            invoice.customerId.toString(),
            invoiceId.toString(),
            dispute.id.toString(),
            request.reason(),
            request.amount() == null ? null : Money.round(request.amount(), cur),
            openedOn));
    audit.record(
        tenantId,
        invoiceId,
        "DISPUTE_OPENED",
        "dispute "
            + dispute.id
            + (request.amount() == null
                ? " on the whole invoice"
                : " on " + Money.round(request.amount(), cur).toPlainString() + " " + cur)
            + ": "
            + request.reason());
    return new Result(dispute, invoice, null);
  }

  @Transactional
  public Result resolve(
      String tenantId, UUID invoiceId, UUID disputeId, ResolutionRequest request) {
    Invoice invoice = invoices.lock(tenantId, invoiceId);
    Dispute dispute = Dispute.findById(disputeId);
    if (dispute == null
        || !dispute.tenantId.equals(tenantId)
        || !dispute.invoiceId.equals(invoiceId)) {
      throw ProblemException.notFound("Dispute", disputeId);
    }
    if (dispute.status != Dispute.Status.OPEN) {
      throw ProblemException.conflict("Dispute " + disputeId + " is already resolved");
    }
    LocalDate resolvedOn = calendar.asOfOrToday(request.resolvedOn());
    if (resolvedOn.isBefore(dispute.openedOn)) {
      throw ProblemException.invalid(
          "resolvedOn", "must not be before openedOn " + dispute.openedOn);
    }
    CreditNote creditNote = null;
    invoice.disputed = false;
    if (request.outcome() == Dispute.Outcome.ACCEPTED) {
      if (request.resolution() == null) {
        throw ProblemException.invalid(
            "resolution", "is required when outcome is ACCEPTED: CREDIT_NOTE or CANCELLATION");
      }
      if (request.resolution() == Dispute.Resolution.CREDIT_NOTE) {
        if (request.creditNoteNumber() == null || request.creditNoteNumber().isBlank()) {
          throw ProblemException.invalid(
              "creditNoteNumber", "is required when the resolution is CREDIT_NOTE");
        }
        BigDecimal amount =
            request.creditAmount() != null
                ? request.creditAmount()
                : dispute.amount != null ? dispute.amount : invoice.outstanding();
        creditNote =
            creditNotes.issueLocked(
                invoice,
                request.creditNoteNumber(),
                amount,
                resolvedOn,
                "Dispute accepted: " + dispute.reason,
                dispute.id,
                "creditAmount");
      } else {
        invoice.require(Operation.CANCEL);
        invoices.cancelLocked(invoice, resolvedOn, "Dispute accepted: " + dispute.reason);
      }
    } else if (request.resolution() != null) {
      throw ProblemException.invalid("resolution", "applies only when outcome is ACCEPTED");
    }
    dispute.status = Dispute.Status.RESOLVED;
    dispute.outcome = request.outcome();
    dispute.resolution = request.resolution();
    dispute.note = request.note();
    dispute.resolvedOn = resolvedOn;
    em.flush();
    outbox.record(
        Topics.INVOICING,
        new DisputeResolved(
            tenantId,
            invoice.customerId.toString(),
            invoiceId.toString(),
            disputeId.toString(),
            request.outcome().name(),
            resolvedOn));
    audit.record(
        tenantId,
        invoiceId,
        "DISPUTE_RESOLVED",
        "dispute "
            + disputeId
            + " "
            + request.outcome()
            + (request.resolution() == null ? "" : " by " + request.resolution())
            + (request.note() == null ? "" : ": " + request.note()));
    return new Result(dispute, invoice, creditNote);
  }

  public List<Dispute> list(String tenantId, UUID invoiceId) {
    invoices.get(tenantId, invoiceId);
    return Dispute.list(
        "tenantId = ?1 and invoiceId = ?2 order by createdAt, id", tenantId, invoiceId);
  }

  /** The credit note that settled a dispute, if any. */
  public UUID creditNoteOf(Dispute dispute) {
    return CreditNote.<CreditNote>find("disputeId", dispute.id)
        .firstResultOptional()
        .map(c -> c.id)
        .orElse(null);
  }
}
