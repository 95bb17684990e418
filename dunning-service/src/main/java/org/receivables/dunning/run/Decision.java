package org.receivables.dunning.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.run.Grouping.Candidate;

/**
 * What a run decided, whoever decided it (the SQL of {@link DueInvoices} or, in the tests, the rule
 * classes one invoice at a time): only what the run acts on or reports, the candidates with their
 * customers and the skipped invoices, so a run over a million invoices holds thousands of rows, not
 * a million. Both come out oldest due first (then by number), whatever order they were added in.
 */
final class Decision {

  private static final Comparator<InvoiceFacts> OLDEST_DUE_FIRST =
      Comparator.comparing(InvoiceFacts::dueDate).thenComparing(InvoiceFacts::number);

  private record Skipped(InvoiceFacts invoice, SkipReason reason) {}

  private final Map<String, CustomerFacts> customers = new HashMap<>();
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private int considered;

  void considered(int count) {
    considered = count;
  }

  void countOne() {
    considered++;
  }

  void skip(InvoiceFacts invoice, SkipReason reason) {
    skipped.add(new Skipped(invoice, reason));
  }

  void due(InvoiceFacts invoice, CustomerFacts customer, DunningPolicy policy, PolicyStep step) {
    candidates.add(new Candidate(invoice, policy, step));
    customers.putIfAbsent(customer.customerId(), customer);
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
