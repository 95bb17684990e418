package org.receivables.dunning.run;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicySelector;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.OpenInvoices.OpenInvoice;
import org.receivables.dunning.run.Grouping.Candidate;

/**
 * The decision of a run made in Java, one open invoice at a time as the replica streams them: the
 * skip rules ({@link SkipRules}), the customer's policy ({@link PolicySelector}) and the step due
 * ({@link StepSelector}). Runs decide set-based in SQL ({@link DueInvoices}); this is the
 * rule-by-rule reference that SQL is proved equal to on a generated book in PostgreSQL ({@code
 * DueInvoicesEquivalenceTest}).
 */
final class RunSelection implements Consumer<OpenInvoice> {

  private final List<DunningPolicy> ladders;
  private final Set<String> promised;
  private final Set<String> planned;
  private final LocalDate asOf;
  private final Map<List<Object>, Optional<DunningPolicy>> policyByProfile = new HashMap<>();
  private final Decision decision = new Decision();

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
    decision.countOne();
    CustomerFacts customer = open.customer().orElse(null);
    Optional<SkipReason> skip = SkipRules.check(invoice, customer, promised, planned, asOf);
    if (skip.isPresent()) {
      decision.skip(invoice, skip.get());
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
        .ifPresent(step -> decision.due(invoice, customer, policy.get(), step));
  }

  /** What was decided. */
  Decision decision() {
    return decision;
  }

  /** Open invoices issued by the as-of date. */
  int considered() {
    return decision.considered();
  }

  /** Invoices due for a step, oldest due first. */
  List<Candidate> candidates() {
    return decision.candidates();
  }

  /** Invoices left alone, oldest due first. */
  List<RunView.Skip> skipped() {
    return decision.skipped();
  }

  /** The facts of a customer with at least one candidate. */
  CustomerFacts customer(String customerId) {
    return decision.customer(customerId);
  }
}
