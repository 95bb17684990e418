package org.receivables.dunning.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicySelector;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.Replica.OpenInvoice;
import org.receivables.dunning.run.Grouping.Candidate;

/**
 * The decision part of a run, one open invoice at a time as the replica streams them: the skip
 * rules ({@link SkipRules}), the customer's policy ({@link PolicySelector}) and the step due
 * ({@link StepSelector}). It keeps only what the run acts on or reports: the candidates with their
 * customers, and the skipped invoices; so a run over a million invoices holds thousands of rows,
 * not a million. Candidates and skips come out oldest due first (then by number), whatever order
 * the invoices arrived in.
 */
final class RunSelection implements Consumer<OpenInvoice> {

  private static final Comparator<InvoiceFacts> OLDEST_DUE_FIRST =
      Comparator.comparing(InvoiceFacts::dueDate).thenComparing(InvoiceFacts::number);

  private final List<DunningPolicy> ladders;
  private final Set<String> promised;
  private final Set<String> planned;
  private final LocalDate asOf;
  private final Map<List<Object>, Optional<DunningPolicy>> policyByProfile = new HashMap<>();
  private final Map<String, CustomerFacts> customers = new HashMap<>();
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private int considered;

  private record Skipped(InvoiceFacts invoice, SkipReason reason) {}

  RunSelection(
      List<DunningPolicy> ladders, Set<String> promised, Set<String> planned, LocalDate asOf) {
    this.ladders = ladders;
    this.promised = promised;
    this.planned = planned;
    this.asOf = asOf;
  }

  @Override
  public void accept(OpenInvoice open) {
    InvoiceFacts invoice = open.invoice();
    if (invoice.issueDate().isAfter(asOf)) {
      return;
    }
    considered++;
    CustomerFacts customer = open.customer().orElse(null);
    Optional<SkipReason> skip = SkipRules.check(invoice, customer, promised, planned, asOf);
    if (skip.isPresent()) {
      skipped.add(new Skipped(invoice, skip.get()));
      return;
    }
    Optional<DunningPolicy> policy =
        policyByProfile.computeIfAbsent(
            java.util.Arrays.asList(
                customer.assignedPolicy(), customer.segment(), customer.riskClass()),
            k ->
                PolicySelector.select(
                    ladders, customer.assignedPolicy(), customer.segment(), customer.riskClass()));
    if (policy.isEmpty()) {
      return;
    }
    StepSelector.select(policy.get(), invoice.dueDate(), asOf, open.stepsTaken())
        .ifPresent(
            step -> {
              candidates.add(new Candidate(invoice, policy.get(), step));
              customers.putIfAbsent(customer.customerId(), customer);
            });
  }

  /** Open invoices issued by the as-of date. */
  int considered() {
    return considered;
  }

  /** Invoices due for a step, oldest due first. */
  List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>(candidates);
    out.sort(Comparator.comparing(Candidate::invoice, OLDEST_DUE_FIRST));
    return out;
  }

  /** Invoices left alone, oldest due first. */
  List<RunView.Skip> skipped() {
    return skipped.stream()
        .sorted(Comparator.comparing(Skipped::invoice, OLDEST_DUE_FIRST))
        .map(
            s ->
                new RunView.Skip(
                    s.invoice().invoiceId(), s.invoice().customerId(), s.reason().name()))
        .toList();
  }

  /** The facts of a customer with at least one candidate. */
  CustomerFacts customer(String customerId) {
    return Objects.requireNonNull(customers.get(customerId), customerId);
  }
}
