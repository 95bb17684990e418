package org.receivables.invoicing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.Topics;
import org.receivables.invoicing.audit.AuditTrail;
import org.receivables.invoicing.cash.CreditorReference;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.customer.CustomerService;
import org.receivables.invoicing.invoice.InvoiceLifecycle.Operation;
import org.receivables.invoicing.payment.EarlyPaymentDiscount;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.Problem.FieldError;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;

/**
 * Issues, finds and closes invoices; the domain rules themselves live in {@link InvoiceTotals}, the
 * terms, the cap and {@link InvoiceLifecycle}. Every change locks the invoice row first, so that
 * concurrent changes to one invoice apply one after the other on fresh figures.
 */
@ApplicationScoped
public class InvoiceService {

  @Inject EntityManager em;
  @Inject CustomerService customers;
  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject IssuedInvoiceWriter writer;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @Transactional
  public Invoice issue(String tenantId, InvoiceRequest request) {
    Customer customer = customerOf(tenantId, request.customerId());
    if (Invoice.count("tenantId = ?1 and number = ?2", tenantId, request.number()) > 0) {
      throw duplicateNumber(request.number());
    }
    Invoice invoice = prepare(tenantId, customer, request);
    persistIssued(List.of(invoice));
    return invoice;
  }

  /**
   * Builds a valid, not yet stored invoice from a request: currency, due date, totals, discount and
   * the legal-cap warning. Throws a problem naming the field when the request cannot be issued.
   */
  public Invoice prepare(String tenantId, Customer customer, InvoiceRequest request) {
    String currency = request.currency() == null ? customer.currency : request.currency();
    if (Money.currency(currency).isEmpty()) {
      throw ProblemException.invalid("currency", "is not an ISO 4217 currency");
    }
    LocalDate dueDate =
        request.dueDate() != null
            ? request.dueDate()
            : customer.paymentTerms().dueDate(request.issueDate());
    if (dueDate.isBefore(request.issueDate())) {
      throw ProblemException.invalid("dueDate", "must not be before issueDate");
    }
    List<InvoiceTotals.Line> amounts =
        request.lines().stream()
            .map(l -> new InvoiceTotals.Line(l.quantity(), l.unitPrice(), l.vatRate()))
            .toList();
    for (int n = 0; n < amounts.size(); n++) {
      if (!fitsLedger(InvoiceTotals.lineNet(amounts.get(n), currency))) {
        throw ProblemException.invalid(
            "lines[" + n + "]", "quantity × unitPrice exceeds " + MAX_AMOUNT.toPlainString());
      }
    }
    List<FieldError> vat =
        VatCategory.check(
            request.lines().stream()
                .map(
                    l -> new VatCategory.Line(l.vatCategory(), l.vatRate(), l.vatExemptionReason()))
                .toList(),
            request.buyerVatId(),
            customer.legalId);
    if (!vat.isEmpty()) {
      throw Problems.invalid(400, vat);
    }
    InvoiceTotals totals = InvoiceTotals.of(amounts, currency);
    if (!fitsLedger(totals.totalInclTax())) {
      throw ProblemException.invalid(
          "lines", "the invoice total exceeds " + MAX_AMOUNT.toPlainString());
    }

    Invoice invoice = new Invoice();
    invoice.id = UUID.randomUUID();
    invoice.tenantId = tenantId;
    invoice.customerId = customer.id;
    invoice.number = request.number();
    invoice.paymentReference = CreditorReference.forInvoice(invoice.id);
    invoice.status = InvoiceStatus.OPEN;
    invoice.issueDate = request.issueDate();
    invoice.dueDate = dueDate;
    invoice.currency = currency;
    invoice.totalExclTax = totals.totalExclTax();
    invoice.totalTax = totals.totalTax();
    invoice.totalInclTax = totals.totalInclTax();
    invoice.amountPaid = BigDecimal.ZERO;
    invoice.discountGranted = BigDecimal.ZERO;
    invoice.amountCredited = BigDecimal.ZERO;
    invoice.amountWrittenOff = BigDecimal.ZERO;
    EarlyPaymentDiscount discount =
        EarlyPaymentDiscount.of(
            customer.discountPercent, customer.discountDays, request.issueDate());
    invoice.discountPercent = discount.percent();
    invoice.discountDeadline = discount.deadline();
    invoice.termsWarning = LegalTermsCap.check(request.issueDate(), dueDate).orElse(null);
    invoice.buyerVatId = request.buyerVatId();
    invoice.createdAt = Instant.now(clock);
    for (int n = 0; n < request.lines().size(); n++) {
      var req = request.lines().get(n);
      InvoiceLine line = new InvoiceLine();
      line.key = new InvoiceLine.Key(invoice.id, n + 1);
      line.lineNo = n + 1;
      line.invoice = invoice;
      line.description = req.description();
      line.quantity = req.quantity();
      line.unitPrice = req.unitPrice();
      line.vatRate = req.vatRate();
      line.netAmount = InvoiceTotals.lineNet(amounts.get(n), currency);
      line.vatCategory =
          req.vatCategory() == null
              ? VatCategory.fromRate(req.vatRate()).name()
              : req.vatCategory();
      line.vatExemptionReason =
          req.vatExemptionReason() == null || req.vatExemptionReason().isBlank()
              ? null
              : req.vatExemptionReason().strip();
      invoice.lines.add(line);
    }
    return invoice;
  }

  /** Stores prepared invoices with their events and audit entries, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void persistIssued(List<Invoice> invoices) {
    for (Invoice i : invoices) {
      // every invoice carries its creditor reference, whatever path built it (JSON, batch,
      // e-invoice)
      if (i.paymentReference == null) {
        i.paymentReference = CreditorReference.forInvoice(i.id);
      }
    }
    try {
      writer.insert(invoices);
    } catch (PersistenceException e) {
      if (e instanceof ConstraintViolationException
          || e.getCause() instanceof ConstraintViolationException) {
        throw ProblemException.conflict(
            invoices.size() == 1
                ? "An invoice numbered " + invoices.get(0).number + " already exists"
                : "An invoice number of this batch was issued concurrently; nothing was imported");
      }
      throw e;
    }
    List<InvoiceIssued> events = new ArrayList<>(invoices.size());
    List<AuditTrail.Change> changes = new ArrayList<>(invoices.size());
    for (Invoice invoice : invoices) {
      events.add(invoice.issuedEvent());
      changes.add(
          new AuditTrail.Change(
              invoice.tenantId,
              invoice.id,
              "ISSUED",
              "issued "
                  + invoice.number
                  + " for "
                  + Money.round(invoice.totalInclTax, invoice.currency).toPlainString()
                  + " "
                  + invoice.currency
                  + ", due "
                  + invoice.dueDate));
    }
    outbox.recordAll(Topics.INVOICING, events);
    audit.recordAll(changes);
  }

  public Invoice get(String tenantId, UUID id) {
    Invoice invoice = Invoice.findById(id);
    if (invoice == null || !invoice.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Invoice", id);
    }
    return invoice;
  }

  /**
   * The tenant's invoice, locked for this transaction ({@code select ... for update}); 404 for
   * another tenant's.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Invoice lock(String tenantId, UUID id) {
    Invoice invoice = em.find(Invoice.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (invoice == null || !invoice.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Invoice", id);
    }
    return invoice;
  }

  @Transactional
  public Invoice cancel(String tenantId, UUID id, CloseRequest request) {
    Invoice invoice = lock(tenantId, id);
    invoice.require(Operation.CANCEL);
    refuseWhileDisputed(invoice);
    LocalDate on = closeDate(invoice, request.on());
    cancelLocked(invoice, on, request.reason());
    return invoice;
  }

  /** Cancels a locked invoice whose status allows it (also used by dispute resolution). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void cancelLocked(Invoice invoice, LocalDate on, String reason) {
    invoice.status = InvoiceStatus.CANCELLED;
    invoice.closedOn = on;
    invoice.closeReason = reason;
    em.flush();
    outbox.record(
        Topics.INVOICING,
        new InvoiceCancelled(
            invoice.tenantId,
            invoice.customerId.toString(),
            invoice.id.toString(),
            invoice.number,
            invoice.currency,
            on,
            reason,
            Money.zero(invoice.currency)));
    audit.record(invoice.tenantId, invoice.id, "CANCELLED", "cancelled on " + on + ": " + reason);
  }

  @Transactional
  public Invoice writeOff(String tenantId, UUID id, CloseRequest request) {
    Invoice invoice = lock(tenantId, id);
    invoice.require(Operation.WRITE_OFF);
    refuseWhileDisputed(invoice);
    LocalDate on = closeDate(invoice, request.on());
    String cur = invoice.currency;
    BigDecimal amount = Money.round(invoice.outstanding(), cur);
    invoice.amountWrittenOff = amount;
    invoice.status = InvoiceStatus.WRITTEN_OFF;
    invoice.closedOn = on;
    invoice.closeReason = request.reason();
    em.flush();
    outbox.record(
        Topics.INVOICING,
        new InvoiceWrittenOff(
            tenantId,
            invoice.customerId.toString(),
            invoice.id.toString(),
            invoice.number,
            cur,
            on,
            amount,
            request.reason(),
            Money.zero(cur)));
    audit.record(
        tenantId,
        invoice.id,
        "WRITTEN_OFF",
        "wrote off " + amount.toPlainString() + " " + cur + " on " + on + ": " + request.reason());
    return invoice;
  }

  @Transactional
  public Invoice changeDueDate(String tenantId, UUID id, DueDateRequest request) {
    Invoice invoice = lock(tenantId, id);
    invoice.require(Operation.CHANGE_DUE_DATE);
    if (request.dueDate().isBefore(invoice.issueDate)) {
      throw ProblemException.invalid(
          "dueDate", "must not be before issueDate " + invoice.issueDate);
    }
    LocalDate previous = invoice.dueDate;
    if (previous.equals(request.dueDate())) {
      return invoice;
    }
    invoice.dueDate = request.dueDate();
    em.flush();
    outbox.record(
        Topics.INVOICING,
        new InvoiceDueDateChanged(
            tenantId,
            invoice.customerId.toString(),
            invoice.id.toString(),
            previous,
            invoice.dueDate));
    audit.record(
        tenantId,
        invoice.id,
        "DUE_DATE_CHANGED",
        "due date "
            + previous
            + " -> "
            + invoice.dueDate
            + (request.reason() == null ? "" : ": " + request.reason()));
    return invoice;
  }

  /** A customer of another tenant is reported as a field error, exactly like a missing one. */
  public Customer customerOf(String tenantId, UUID customerId) {
    try {
      return customers.get(tenantId, customerId);
    } catch (ProblemException e) {
      throw ProblemException.invalid("customerId", "no customer " + customerId + " exists");
    }
  }

  /** The largest amount the ledger stores (numeric(19, 4)). */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

  private static boolean fitsLedger(BigDecimal amount) {
    return amount.abs().compareTo(MAX_AMOUNT) <= 0;
  }

  public static ProblemException duplicateNumber(String number) {
    return ProblemException.conflict("An invoice numbered " + number + " already exists");
  }

  private static void refuseWhileDisputed(Invoice invoice) {
    if (invoice.disputed) {
      throw Problems.state("Invoice " + invoice.number + " has an open dispute; resolve it first");
    }
  }

  private LocalDate closeDate(Invoice invoice, LocalDate requested) {
    LocalDate on = calendar.asOfOrToday(requested);
    if (on.isBefore(invoice.issueDate)) {
      throw ProblemException.invalid("on", "must not be before issueDate " + invoice.issueDate);
    }
    return on;
  }
}
