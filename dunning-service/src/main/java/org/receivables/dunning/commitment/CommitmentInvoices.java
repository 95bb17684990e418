package org.receivables.dunning.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.Replica;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * What promises and plans need from the replica: the invoices a collector lists (each one checked
 * and named in the answer when wrong) and the payments made on them since.
 */
@ApplicationScoped
public class CommitmentInvoices {

  static final int MAX_INVOICES = 200;

  @Inject Replica replica;

  /**
   * The listed invoices of the customer, in order; each faulty entry adds a field error. The list
   * itself (present, not too long) is checked by the request's field rules.
   */
  List<InvoiceFacts> of(
      String tenantId, String customerId, List<String> ids, List<FieldError> errors) {
    if (ids == null || ids.isEmpty() || ids.size() > MAX_INVOICES) {
      return List.of(); // the request's field rules report it
    }
    List<InvoiceFacts> out = new ArrayList<>();
    Set<String> currencies = new LinkedHashSet<>();
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      Optional<InvoiceFacts> invoice =
          id == null ? Optional.empty() : replica.invoice(tenantId, id);
      if (invoice.isEmpty() || !invoice.get().customerId().equals(customerId)) {
        errors.add(
            new FieldError("invoiceIds[" + k + "]", "is not an invoice of customer " + customerId));
      } else if (invoice.get().settled()) {
        errors.add(new FieldError("invoiceIds[" + k + "]", "has nothing left to pay"));
      } else if (out.stream().anyMatch(i -> i.invoiceId().equals(id))) {
        errors.add(new FieldError("invoiceIds[" + k + "]", "is listed twice"));
      } else {
        out.add(invoice.get());
        currencies.add(invoice.get().currency());
      }
    }
    if (currencies.size() > 1) {
      errors.add(new FieldError("invoiceIds", "must all be in one currency"));
    }
    return out;
  }

  /** Payments (net of reversals) on the invoices, by date. */
  List<Paid> paid(String tenantId, List<String> invoiceIds) {
    return replica.payments(tenantId, invoiceIds).stream()
        .map(p -> new Paid(p.on(), p.amount()))
        .toList();
  }

  /** Whether nothing is owed any more on any of the invoices. */
  boolean allSettled(String tenantId, List<String> invoiceIds) {
    List<InvoiceFacts> invoices = replica.invoices(tenantId, invoiceIds);
    return !invoices.isEmpty() && invoices.stream().allMatch(InvoiceFacts::settled);
  }

  PromiseRules.Outcome evaluate(Promise p, java.time.LocalDate asOf) {
    return PromiseRules.evaluate(
        p.amount,
        p.madeOn,
        p.promisedFor,
        p.graceDays,
        paid(p.tenantId, p.invoiceIds),
        allSettled(p.tenantId, p.invoiceIds),
        asOf);
  }

  PlanRules.Outcome evaluate(PaymentPlan p, java.time.LocalDate asOf) {
    return PlanRules.evaluate(
        p.instalments,
        p.agreedOn,
        p.graceDays,
        paid(p.tenantId, p.invoiceIds),
        allSettled(p.tenantId, p.invoiceIds),
        asOf);
  }

  static String numbers(List<InvoiceFacts> invoices) {
    return String.join(", ", invoices.stream().map(InvoiceFacts::number).toList());
  }
}
