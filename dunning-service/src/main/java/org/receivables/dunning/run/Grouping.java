package org.receivables.dunning.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.replica.InvoiceFacts;

/**
 * One communication per customer, step and currency, listing every invoice at that step, oldest due
 * first. A group whose total is under the step's minimum is not sent (its invoices are reported as
 * UNDER_MINIMUM and picked up again when more is owed).
 */
public final class Grouping {

  private Grouping() {}

  /** An invoice and the step it is due for under its customer's policy. */
  public record Candidate(InvoiceFacts invoice, DunningPolicy policy, PolicyStep step) {}

  /** What one communication covers. */
  public record Group(
      String customerId,
      DunningPolicy policy,
      PolicyStep step,
      String currency,
      List<InvoiceFacts> invoices) {

    public BigDecimal total() {
      return invoices.stream()
          .map(InvoiceFacts::outstanding)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<String> invoiceIds() {
      return invoices.stream().map(InvoiceFacts::invoiceId).toList();
    }
  }

  /** Groups and the candidates left out for being under the minimum. */
  public record Result(List<Group> groups, List<Group> underMinimum) {}

  public static Result group(List<Candidate> candidates) {
    Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      String key =
          c.invoice().customerId() + "\n" + c.step().code() + "\n" + c.invoice().currency();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    List<Group> groups = new ArrayList<>();
    List<Group> under = new ArrayList<>();
    for (List<Candidate> members : byKey.values()) {
      Candidate first = members.get(0);
      List<InvoiceFacts> invoices =
          members.stream()
              .map(Candidate::invoice)
              .sorted(
                  Comparator.comparing(InvoiceFacts::dueDate).thenComparing(InvoiceFacts::number))
              .toList();
      Group g =
          new Group(
              first.invoice().customerId(),
              first.policy(),
              first.step(),
              first.invoice().currency(),
              invoices);
      BigDecimal minimum = first.step().minimumAmount();
      if (minimum != null && g.total().compareTo(minimum) < 0) {
        under.add(g);
      } else {
        groups.add(g);
      }
    }
    return new Result(groups, under);
  }
}
