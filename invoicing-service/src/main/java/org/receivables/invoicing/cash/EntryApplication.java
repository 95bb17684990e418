package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.invoicing.cash.match.AmountEvidence.Allocation;
import org.receivables.invoicing.cash.match.EntryStatus;
import org.receivables.invoicing.cash.match.PayerIbanEvidence;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.payment.AllocatedPaymentRequest;
import org.receivables.invoicing.payment.Payment;
import org.receivables.invoicing.payment.PaymentService;
import org.receivables.invoicing.payment.ReversalRequest;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.Problem.FieldError;
import org.receivables.kit.problem.ProblemException;

/**
 * Applies a bank entry to invoices, and undoes it. Payments go through {@link PaymentService}, the
 * code behind {@code POST /invoices/{id}/payments} and {@code /payments}, in the caller's
 * transaction: the same locks, checks, early-payment discounts, PaymentReceived events and invoice
 * audit, and the entry's status changes with them or not at all.
 */
@ApplicationScoped
public class EntryApplication {

  @Inject PaymentService payments;
  @Inject AccountCredits credits;
  @Inject EntryStore store;
  @Inject EntityManager em;
  @Inject Clock clock;

  /** An automatic match: the chosen candidate's invoices (one customer) and the rest on account. */
  public record Auto(
      EntryRow entry, List<Allocation> allocations, UUID customerId, BigDecimal onAccount) {}

  /** One entry's payments (one per customer paid) and what stays on account, ready to write. */
  private record Plan(
      EntryRow entry,
      List<AllocatedPaymentRequest> payments,
      UUID accountCustomer,
      BigDecimal onAccount,
      String how) {}

  /**
   * Applies {@code allocations} (invoices of one or more customers) and leaves {@code onAccount}
   * with {@code accountCustomer}. Every invoice is locked and checked first, so an automatic match
   * whose invoice changed meanwhile fails as a whole with a 409/422 instead of half-applying.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(
      String tenantId,
      EntryRow entry,
      List<Allocation> allocations,
      UUID accountCustomer,
      BigDecimal onAccount,
      String how) {
    Map<UUID, Invoice> locked =
        payments.lockInvoices(tenantId, allocations.stream().map(Allocation::invoiceId).toList());
    Map<UUID, List<AllocatedPaymentRequest.AllocationRequest>> byCustomer = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < allocations.size(); i++) {
      Invoice inv = locked.get(allocations.get(i).invoiceId());
      String at = "allocations[" + i + "].invoiceId";
      if (inv == null) {
        errors.add(new FieldError(at, "no invoice " + allocations.get(i).invoiceId()));
      } else if (!inv.currency.equals(entry.currency())) {
        errors.add(
            new FieldError(at, "is in " + inv.currency + ", the transfer in " + entry.currency()));
      } else {
        byCustomer
            .computeIfAbsent(inv.customerId, k -> new ArrayList<>())
            .add(
                new AllocatedPaymentRequest.AllocationRequest(inv.id, allocations.get(i).amount()));
      }
    }
    if (!errors.isEmpty()) {
      throw Problems.invalid(400, errors);
    }
    List<AllocatedPaymentRequest> requests = new ArrayList<>();
    byCustomer.forEach((customer, parts) -> requests.add(request(entry, customer, parts)));
    UUID customer = accountCustomer;
    if (customer == null && byCustomer.size() == 1) {
      customer = byCustomer.keySet().iterator().next();
    }
    execute(tenantId, List.of(new Plan(entry, requests, customer, onAccount, how)));
  }

  /**
   * Applies a batch's automatic matches together: their payments through {@link
   * PaymentService#payAllocatedAll} (one lock query, events and audit in one batch each), then what
   * the entries made and their audit, each in one batch. All or none.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void applyAll(String tenantId, List<Auto> matches, String how) {
    List<Plan> plans = new ArrayList<>();
    for (Auto m : matches) {
      List<AllocatedPaymentRequest> requests =
          m.allocations().isEmpty()
              ? List.of()
              : List.of(
                  request(
                      m.entry(),
                      m.customerId(),
                      m.allocations().stream()
                          .map(
                              a ->
                                  new AllocatedPaymentRequest.AllocationRequest(
                                      a.invoiceId(), a.amount()))
                          .toList()));
      plans.add(new Plan(m.entry(), requests, m.customerId(), m.onAccount(), how));
    }
    execute(tenantId, plans);
  }

  private static AllocatedPaymentRequest request(
      EntryRow entry, UUID customer, List<AllocatedPaymentRequest.AllocationRequest> parts) {
    String reference =
        entry.entryReference() != null ? entry.entryReference() : "bank entry " + entry.id();
    BigDecimal sum =
        parts.stream()
            .map(AllocatedPaymentRequest.AllocationRequest::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new AllocatedPaymentRequest(customer, sum, entry.bookingDate(), reference, parts);
  }

  /** Pays the plans' payments in one call, then records what each entry made and audits it. */
  private void execute(String tenantId, List<Plan> plans) {
    List<AllocatedPaymentRequest> all = plans.stream().flatMap(p -> p.payments().stream()).toList();
    List<PaymentService.Result> paid =
        all.isEmpty() ? List.of() : payments.payAllocatedAll(tenantId, all);
    List<EntryStore.Made> made = new ArrayList<>();
    List<EntryStore.AuditLine> audit = new ArrayList<>();
    int next = 0;
    for (Plan p : plans) {
      EntryRow entry = p.entry();
      List<String> done = new ArrayList<>();
      for (AllocatedPaymentRequest r : p.payments()) {
        Payment payment = paid.get(next++).payment();
        if (!payment.currency.equals(entry.currency())) {
          throw ProblemException.invalid(
              "allocations",
              "are in " + payment.currency + ", the transfer in " + entry.currency());
        }
        made.add(new EntryStore.Made(entry.id(), payment.id, null));
        done.add(
            "payment "
                + payment.id
                + " of "
                + Money.round(r.amount(), entry.currency()).toPlainString());
      }
      if (p.onAccount().signum() > 0) {
        if (p.accountCustomer() == null) {
          throw ProblemException.invalid(
              "customerId",
              "name the customer whose account keeps the "
                  + p.onAccount().toPlainString()
                  + " left");
        }
        UUID credit =
            credits.add(
                tenantId,
                p.accountCustomer(),
                "CASH",
                entry.currency(),
                p.onAccount(),
                entry.bookingDate(),
                "bank entry " + entry.id());
        made.add(new EntryStore.Made(entry.id(), null, credit));
        done.add(p.onAccount().toPlainString() + " left on the customer's account");
      }
      audit.add(
          new EntryStore.AuditLine(
              entry.id(), "APPLIED", p.how() + ": " + String.join("; ", done)));
    }
    store.recordApplications(tenantId, made);
    store.auditAll(tenantId, audit);
  }

  /** A collector's match: checked against the entry, applied, and the payer's IBAN learnt. */
  @Transactional
  public EntryRow matchManually(
      String tenantId, UUID entryId, List<Allocation> allocations, UUID customerId, boolean split) {
    EntryRow entry =
        store
            .find(tenantId, entryId, true)
            .orElseThrow(() -> ProblemException.notFound("Bank entry", entryId));
    if (entry.status() == EntryStatus.MATCHED) {
      throw ProblemException.conflict(
          "Bank entry " + entryId + " is already applied; unmatch it first");
    }
    if (!entry.credit() || entry.reversal()) {
      throw ProblemException.conflict("Bank entry " + entryId + " is not an incoming transfer");
    }
    BigDecimal sum =
        allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(entry.amount()) > 0) {
      throw Problems.unprocessable(
          "allocations",
          "add up to "
              + sum.toPlainString()
              + ", more than the transfer's "
              + entry.amount().toPlainString());
    }
    if (allocations.isEmpty() && customerId == null) {
      throw ProblemException.invalid("customerId", "is required when nothing is allocated");
    }
    Map<UUID, Invoice> invoices =
        payments.lockInvoices(tenantId, allocations.stream().map(Allocation::invoiceId).toList());
    long customers = invoices.values().stream().map(i -> i.customerId).distinct().count();
    if (!split
        && (customers > 1
            || (customerId != null
                && invoices.values().stream().anyMatch(i -> !i.customerId.equals(customerId))))) {
      throw ProblemException.invalid(
          "allocations", "are invoices of more than one customer: use the split endpoint");
    }
    apply(
        tenantId,
        entry,
        allocations,
        customerId,
        entry.amount().subtract(sum),
        split ? "split" : "matched");
    UUID customer =
        customerId != null
            ? customerId
            : invoices.values().stream().map(i -> i.customerId).findFirst().orElse(null);
    if (entry.debtorIban() != null) {
      for (UUID c : invoices.values().stream().map(i -> i.customerId).distinct().toList()) {
        learn(tenantId, PayerIbanEvidence.normalise(entry.debtorIban()), c);
      }
    }
    List<String> reasons =
        new ArrayList<>(
            store.read(
                entry.reasons(),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {}));
    reasons.add((split ? "split" : "matched") + " by a collector");
    store.update(entryId, EntryStatus.MATCHED.name(), customer, BigDecimal.ONE, null, reasons);
    return store.find(tenantId, entryId, false).orElseThrow();
  }

  /** Reverses what applying the entry made and leaves it UNMATCHED for another decision. */
  @Transactional
  public EntryRow unmatch(String tenantId, UUID entryId, String reason) {
    EntryRow entry =
        store
            .find(tenantId, entryId, true)
            .orElseThrow(() -> ProblemException.notFound("Bank entry", entryId));
    if (entry.status() != EntryStatus.MATCHED) {
      throw ProblemException.conflict("Bank entry " + entryId + " is not applied");
    }
    undo(tenantId, entry, reason);
    List<String> reasons =
        new ArrayList<>(
            store.read(
                entry.reasons(),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {}));
    reasons.add("unmatched: " + reason);
    store.update(entryId, EntryStatus.UNMATCHED.name(), null, null, null, reasons);
    return store.find(tenantId, entryId, false).orElseThrow();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void undo(String tenantId, EntryRow entry, String reason) {
    for (EntryStore.Application app : store.applications(tenantId, entry.id())) {
      if (app.paymentId() != null) {
        Payment p = em.find(Payment.class, app.paymentId());
        if (p != null && p.status != Payment.Status.REVERSED) {
          payments.reverse(tenantId, p.id, new ReversalRequest(reason, null));
        }
      } else if (app.accountCreditId() != null) {
        credits.withdraw(tenantId, app.accountCreditId());
      }
    }
    store.clearApplications(tenantId, entry.id());
    store.audit(tenantId, entry.id(), "UNMATCHED", reason);
  }

  /** Payers' IBANs that paid these customers, with how many confirmations each, in one batch. */
  void learnAll(String tenantId, Map<EntryStore.Payer, Integer> confirmations) {
    store.learnAll(tenantId, confirmations, Instant.now(clock));
  }

  /** The payer's IBAN paid this customer: one more confirmation. */
  void learn(String tenantId, String iban, UUID customerId) {
    learnAll(tenantId, Map.of(new EntryStore.Payer(iban, customerId), 1));
  }
}
