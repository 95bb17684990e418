package org.receivables.invoicing.creditnote;

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
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.Topics;
import org.receivables.invoicing.audit.AuditTrail;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleStatusService;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceLifecycle.Operation;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;

/** Issues credit notes: they lower what is owed on an invoice, never below zero. */
@ApplicationScoped
public class CreditNoteService {

  @Inject EntityManager em;
  @Inject InvoiceService invoices;
  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;
  @Inject LifecycleStatusService lifecycle;

  @Transactional
  public CreditNote issue(String tenantId, UUID invoiceId, CreditNoteRequest request) {
    Invoice invoice = invoices.lock(tenantId, invoiceId);
    return issueLocked(
        invoice,
        request.number(),
        request.amount(),
        calendar.asOfOrToday(request.issuedOn()),
        request.reason(),
        null,
        "amount");
  }

  /** Issues a credit note on an invoice the caller locked. */
  @Transactional(Transactional.TxType.MANDATORY)
  public CreditNote issueLocked(
      Invoice invoice,
      String number,
      BigDecimal amount,
      LocalDate issuedOn,
      String reason,
      UUID disputeId,
      String amountField) {
    invoice.require(Operation.ISSUE_CREDIT_NOTE);
    String cur = invoice.currency;
    if (!Money.fitsMinorUnits(amount, cur)) {
      throw ProblemException.invalid(amountField, "has more decimals than " + cur + " allows");
    }
    BigDecimal outstanding = invoice.outstanding();
    if (amount.compareTo(outstanding) > 0) {
      throw Problems.unprocessable(
          amountField,
          "exceeds the outstanding amount "
              + Money.round(outstanding, cur).toPlainString()
              + "; a credit note never takes an invoice below zero");
    }
    if (CreditNote.count("tenantId = ?1 and number = ?2", invoice.tenantId, number) > 0) {
      throw ProblemException.conflict("A credit note numbered " + number + " already exists");
    }
    CreditNote note = new CreditNote();
    note.id = UUID.randomUUID();
    note.tenantId = invoice.tenantId;
    note.invoiceId = invoice.id;
    note.number = number;
    note.amount = amount;
    note.issuedOn = issuedOn;
    note.reason = reason;
    note.disputeId = disputeId;
    note.createdAt = Instant.now(clock);
    note.persist();
    invoice.amountCredited = invoice.amountCredited.add(amount);
    invoice.settle();
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
        throw ProblemException.conflict("A credit note numbered " + number + " already exists");
      }
      throw e;
    }
    outbox.record(
        Topics.INVOICING,
        new CreditNoteIssued(
            invoice.tenantId,
            invoice.customerId.toString(),
            invoice.id.toString(),
            note.id.toString(),
            number,
            cur,
            Money.round(amount, cur),
            issuedOn,
            reason,
            Money.round(invoice.outstanding(), cur),
            invoice.status.name()));
    audit.record(
        invoice.tenantId,
        invoice.id,
        "CREDIT_NOTE_ISSUED",
        "credit note "
            + number
            + " of "
            + Money.round(amount, cur).toPlainString()
            + " "
            + cur
            + ": "
            + reason
            + "; outstanding "
            + Money.round(invoice.outstanding(), cur).toPlainString()
            + ", "
            + invoice.status);
    lifecycle.settled(invoice, issuedOn, "credit note " + number);
    return note;
  }

  public List<CreditNote> list(String tenantId, UUID invoiceId) {
    invoices.get(tenantId, invoiceId);
    return CreditNote.list(
        "tenantId = ?1 and invoiceId = ?2 order by createdAt, id", tenantId, invoiceId);
  }
}
