package org.receivables.invoicing.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.receivables.events.PaymentReversed;
import org.receivables.events.Topics;
import org.receivables.invoicing.audit.AuditTrail;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceLifecycle.Operation;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.Problem.FieldError;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;

/**
 * Applies payments to invoices and reverses them. Every invoice a payment touches is locked ({@code
 * select ... for update}, in id order so that two payments never deadlock) before its outstanding
 * amount is read, so concurrent payments queue up and can never over-pay an invoice.
 */
@ApplicationScoped
public class PaymentService {

  /** A payment with the invoices it touched, as they are after it. */
  public record Result(Payment payment, Map<UUID, Invoice> invoices) {}

  private record Application(Invoice invoice, BigDecimal amount, String field) {}

  @Inject EntityManager em;
  @Inject PaymentEvents events;
  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @Transactional
  public Result payInvoice(String tenantId, UUID invoiceId, PaymentRequest request) {
    Invoice invoice = lockInvoices(tenantId, List.of(invoiceId)).get(invoiceId);
    if (invoice == null) {
      throw ProblemException.notFound("Invoice", invoiceId);
    }
    checkReceivedOn(request.receivedOn());
    if (!Money.fitsMinorUnits(request.amount(), invoice.currency)) {
      throw ProblemException.invalid(
          "amount", "has more decimals than " + invoice.currency + " allows");
    }
    invoice.require(Operation.PAY);
    em.flush();
    return events
        .announce(
            tenantId,
            List.of(
                prepare(
                    tenantId,
                    invoice.customerId,
                    invoice.currency,
                    request.amount(),
                    request.receivedOn(),
                    request.reference(),
                    List.of(new Application(invoice, request.amount(), "amount")))))
        .get(0);
  }

  @Transactional
  public Result payAllocated(String tenantId, AllocatedPaymentRequest request) {
    return payAllocatedAll(tenantId, List.of(request)).get(0);
  }

  /**
   * Several payments at once (cash application applies a chunk of bank entries together): each
   * checked as one would be, every invoice locked in one query, and the payments' events and audit
   * written in one batch each. All or none.
   */
  @Transactional
  public List<Result> payAllocatedAll(String tenantId, List<AllocatedPaymentRequest> requests) {
    Set<UUID> known =
        new HashSet<>(
            em.createQuery(
                    "select c.id from Customer c where c.tenantId = :t and c.id in :ids",
                    UUID.class)
                .setParameter("t", tenantId)
                .setParameter(
                    "ids", requests.stream().map(AllocatedPaymentRequest::customerId).toList())
                .getResultList());
    Map<UUID, Invoice> locked =
        lockInvoices(
            tenantId,
            requests.stream()
                .flatMap(r -> r.allocations().stream())
                .map(AllocatedPaymentRequest.AllocationRequest::invoiceId)
                .toList());
    List<Result> prepared = new ArrayList<>();
    for (AllocatedPaymentRequest request : requests) {
      if (!known.contains(request.customerId())) {
        throw ProblemException.invalid(
            "customerId", "no customer " + request.customerId() + " exists");
      }
      checkReceivedOn(request.receivedOn());
      prepared.add(prepare(tenantId, request, locked));
    }
    em.flush();
    return events.announce(tenantId, prepared);
  }

  /** One allocated payment checked against the locked invoices and applied to them. */
  private Result prepare(
      String tenantId, AllocatedPaymentRequest request, Map<UUID, Invoice> locked) {
    var wanted = request.allocations();
    List<FieldError> errors = new ArrayList<>();
    String currency = null;
    for (int i = 0; i < wanted.size(); i++) {
      Invoice invoice = locked.get(wanted.get(i).invoiceId());
      String at = "allocations[" + i + "].invoiceId";
      if (invoice == null || !invoice.customerId.equals(request.customerId())) {
        errors.add(
            new FieldError(at, "no invoice " + wanted.get(i).invoiceId() + " of this customer"));
      } else if (currency == null) {
        currency = invoice.currency;
      } else if (!currency.equals(invoice.currency)) {
        errors.add(new FieldError(at, "is in " + invoice.currency + ", not " + currency));
      }
    }
    if (!errors.isEmpty()) {
      throw Problems.invalid(400, errors);
    }
    errors.addAll(
        Allocations.check(
            request.amount(),
            currency,
            wanted.stream()
                .map(a -> new Allocations.Allocation(a.invoiceId(), a.amount()))
                .toList()));
    if (!errors.isEmpty()) {
      throw Problems.invalid(400, errors);
    }
    List<Application> applications = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Invoice invoice = locked.get(wanted.get(i).invoiceId());
      invoice.require(Operation.PAY);
      applications.add(
          new Application(invoice, wanted.get(i).amount(), "allocations[" + i + "].amount"));
    }
    return prepare(
        tenantId,
        request.customerId(),
        currency,
        request.amount(),
        request.receivedOn(),
        request.reference(),
        applications);
  }

  @Transactional
  public Result reverse(String tenantId, UUID paymentId, ReversalRequest request) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment == null || !payment.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Payment", paymentId);
    }
    if (payment.status == Payment.Status.REVERSED) {
      throw ProblemException.conflict("Payment " + paymentId + " was already reversed");
    }
    LocalDate reversedOn = calendar.asOfOrToday(request.reversedOn());
    if (reversedOn.isBefore(payment.receivedOn)) {
      throw ProblemException.invalid("reversedOn", "must not be before the payment's receivedOn");
    }
    Map<UUID, Invoice> invoices =
        lockInvoices(tenantId, payment.allocations.stream().map(a -> a.invoiceId).toList());
    for (PaymentAllocation a : payment.allocations) {
      Invoice invoice = invoices.get(a.invoiceId);
      invoice.require(Operation.REVERSE_PAYMENT);
      invoice.amountPaid = invoice.amountPaid.subtract(a.amount);
      invoice.discountGranted = invoice.discountGranted.subtract(a.discountGranted);
      invoice.settle();
    }
    payment.status = Payment.Status.REVERSED;
    payment.reversedOn = reversedOn;
    payment.reversalReason = request.reason();
    em.flush();
    for (PaymentAllocation a : payment.allocations) {
      Invoice i = invoices.get(a.invoiceId);
      String cur = i.currency;
      outbox.record(
          Topics.INVOICING,
          new PaymentReversed(
              tenantId,
              i.customerId.toString(),
              i.id.toString(),
              payment.id.toString(),
              cur,
              Money.round(a.amount, cur),
              reversedOn,
              request.reason(),
              Money.round(i.amountPaid, cur),
              Money.round(i.outstanding(), cur),
              i.status.name()));
      audit.record(
          tenantId,
          i.id,
          "PAYMENT_REVERSED",
          "payment "
              + payment.id
              + " of "
              + Money.round(a.amount, cur).toPlainString()
              + " "
              + cur
              + " reversed: "
              + request.reason()
              + "; outstanding "
              + Money.round(i.outstanding(), cur).toPlainString()
              + ", "
              + i.status);
    }
    return new Result(payment, invoices);
  }

  public Result get(String tenantId, UUID paymentId) {
    Payment payment = Payment.findById(paymentId);
    if (payment == null || !payment.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Payment", paymentId);
    }
    List<UUID> ids = payment.allocations.stream().map(a -> a.invoiceId).toList();
    Map<UUID, Invoice> invoices =
        em.createQuery("from Invoice where id in :ids", Invoice.class)
            .setParameter("ids", ids)
            .getResultStream()
            .collect(Collectors.toMap(i -> i.id, Function.identity()));
    return new Result(payment, invoices);
  }

  private Result prepare(
      String tenantId,
      UUID customerId,
      String currency,
      BigDecimal amount,
      LocalDate receivedOn,
      String reference,
      List<Application> applications) {
    Payment payment = new Payment();
    payment.id = UUID.randomUUID();
    payment.tenantId = tenantId;
    payment.customerId = customerId;
    payment.currency = currency;
    payment.amount = amount;
    payment.receivedOn = receivedOn;
    payment.reference = reference;
    payment.status = Payment.Status.RECEIVED;
    payment.createdAt = Instant.now(clock);
    Map<UUID, Invoice> touched = new LinkedHashMap<>();
    for (Application app : applications) {
      Invoice invoice = app.invoice();
      BigDecimal outstanding = invoice.outstanding();
      if (app.amount().compareTo(outstanding) > 0) {
        throw Problems.unprocessable(
            app.field(),
            "exceeds the outstanding amount "
                + Money.round(outstanding, currency).toPlainString()
                + " of invoice "
                + invoice.number);
      }
      BigDecimal discount =
          invoice
              .earlyPaymentDiscount()
              .grantedFor(outstanding, invoice.discountBase(), app.amount(), receivedOn, currency);
      invoice.amountPaid = invoice.amountPaid.add(app.amount());
      invoice.discountGranted = invoice.discountGranted.add(discount);
      invoice.settle();
      PaymentAllocation allocation = new PaymentAllocation();
      allocation.key = new PaymentAllocation.Key(payment.id, invoice.id);
      allocation.payment = payment;
      allocation.invoiceId = invoice.id;
      allocation.amount = app.amount();
      allocation.discountGranted = discount;
      payment.allocations.add(allocation);
      touched.put(invoice.id, invoice);
    }
    payment.persist();
    return new Result(payment, touched);
  }

  /** Locks the tenant's invoices among {@code ids} in id order; absent ones are not in the map. */
  public Map<UUID, Invoice> lockInvoices(String tenantId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "from Invoice where tenantId = :t and id in :ids order by id", Invoice.class)
        .setParameter("t", tenantId)
        .setParameter("ids", List.copyOf(new java.util.HashSet<>(ids)))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .collect(Collectors.toMap(i -> i.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private void checkReceivedOn(LocalDate receivedOn) {
    if (receivedOn.isAfter(calendar.today())) {
      throw ProblemException.invalid("receivedOn", "must not be in the future");
    }
  }
}
