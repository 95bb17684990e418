package org.receivables.invoicing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.Topics;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.customer.CustomerService;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;

/**
 * Issues and finds invoices; the domain rules themselves live in {@link InvoiceTotals}, the terms
 * and the cap.
 */
@ApplicationScoped
public class InvoiceService {

  @Inject EntityManager em;
  @Inject CustomerService customers;
  @Inject Outbox outbox;
  @Inject Clock clock;

  @Transactional
  public Invoice issue(String tenantId, InvoiceRequest request) {
    Customer customer = customerOf(tenantId, request.customerId());
    String currency = request.currency() == null ? customer.currency : request.currency();
    if (Money.currency(currency).isEmpty()) {
      throw ProblemException.invalid("currency", "is not an ISO 4217 currency");
    }
    if (Invoice.count("tenantId = ?1 and number = ?2", tenantId, request.number()) > 0) {
      throw ProblemException.conflict(
          "An invoice numbered " + request.number() + " already exists");
    }
    var dueDate =
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
    InvoiceTotals totals = InvoiceTotals.of(amounts, currency);

    Invoice invoice = new Invoice();
    invoice.id = UUID.randomUUID();
    invoice.tenantId = tenantId;
    invoice.customerId = customer.id;
    invoice.number = request.number();
    invoice.status = InvoiceStatus.OPEN;
    invoice.issueDate = request.issueDate();
    invoice.dueDate = dueDate;
    invoice.currency = currency;
    invoice.totalExclTax = totals.totalExclTax();
    invoice.totalTax = totals.totalTax();
    invoice.totalInclTax = totals.totalInclTax();
    invoice.amountPaid = BigDecimal.ZERO;
    invoice.termsWarning = LegalTermsCap.check(request.issueDate(), dueDate).orElse(null);
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
      invoice.lines.add(line);
    }
    invoice.persist();
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
        throw ProblemException.conflict(
            "An invoice numbered " + request.number() + " already exists");
      }
      throw e;
    }
    outbox.record(Topics.INVOICING, issued(invoice));
    return invoice;
  }

  public Invoice get(String tenantId, UUID id) {
    Invoice invoice = Invoice.findById(id);
    if (invoice == null || !invoice.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Invoice", id);
    }
    return invoice;
  }

  public Page<Invoice> list(
      String tenantId, UUID customerId, InvoiceStatus status, String cursor, Integer limit) {
    int size = Cursor.limit(limit);
    String after = Cursor.decode(cursor);
    StringBuilder where = new StringBuilder("tenantId = :tenant");
    if (customerId != null) {
      where.append(" and customerId = :customer");
    }
    if (status != null) {
      where.append(" and status = :status");
    }
    if (after != null) {
      where.append(" and id > :after");
    }
    var query = em.createQuery("from Invoice where " + where + " order by id", Invoice.class);
    query.setParameter("tenant", tenantId);
    if (customerId != null) {
      query.setParameter("customer", customerId);
    }
    if (status != null) {
      query.setParameter("status", status);
    }
    if (after != null) {
      try {
        query.setParameter("after", UUID.fromString(after));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
      }
    }
    return Page.of(query.setMaxResults(size + 1).getResultList(), size, i -> i.id.toString());
  }

  /** A customer of another tenant is reported as a field error, exactly like a missing one. */
  private Customer customerOf(String tenantId, UUID customerId) {
    try {
      return customers.get(tenantId, customerId);
    } catch (ProblemException e) {
      throw ProblemException.invalid("customerId", "no customer " + customerId + " exists");
    }
  }

  static InvoiceIssued issued(Invoice i) {
    return new InvoiceIssued(
        i.tenantId,
        i.customerId.toString(),
        i.id.toString(),
        i.number,
        i.issueDate,
        i.dueDate,
        i.currency,
        i.totalExclTax,
        i.totalTax,
        i.totalInclTax,
        i.outstanding(),
        i.termsWarning);
  }
}
