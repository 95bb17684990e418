package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.policy.DefaultPolicies;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicySelector;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.OpenInvoices.OpenInvoice;

/**
 * A run decides one streamed invoice at a time, in whatever order the replica sends them: it must
 * reach the decisions the rules give for each invoice on its own, and report them oldest due first.
 */
class RunSelectionTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  private static final List<DunningPolicy> LADDERS = DefaultPolicies.forTenant("t");

  @Test
  void decidesEachInvoiceByTheRulesWhateverTheOrderTheyArriveIn() {
    Random random = new Random(42);
    List<OpenInvoice> open = new ArrayList<>();
    for (int n = 0; n < 400; n++) {
      String customerId = "c" + random.nextInt(40);
      LocalDate issue = AS_OF.minusDays(random.nextInt(150) - 5);
      LocalDate due = issue.plusDays(30);
      BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(50_000), 2);
      InvoiceFacts invoice =
          new InvoiceFacts(
              "i" + n,
              customerId,
              String.format("F-%04d", n),
              "EUR",
              issue,
              due,
              amount,
              amount,
              "OPEN",
              random.nextInt(15) == 0,
              null);
      Optional<CustomerFacts> customer =
          random.nextInt(25) == 0 ? Optional.empty() : Optional.of(customer(customerId, random));
      Map<String, LocalDate> taken = new HashMap<>();
      if (random.nextBoolean()) {
        taken.put("COURTESY", due.minusDays(5));
      }
      if (random.nextInt(3) == 0) {
        taken.put("FRIENDLY", due.plusDays(1));
      }
      open.add(new OpenInvoice(invoice, customer, taken));
    }
    Set<String> promised = Set.of("i3", "i7");
    Set<String> planned = Set.of("i11");

    // what the rules say, invoice by invoice, oldest due first
    List<OpenInvoice> byDue = new ArrayList<>(open);
    byDue.sort(
        (a, b) ->
            a.invoice().dueDate().equals(b.invoice().dueDate())
                ? a.invoice().number().compareTo(b.invoice().number())
                : a.invoice().dueDate().compareTo(b.invoice().dueDate()));
    List<String> expectedCandidates = new ArrayList<>();
    List<String> expectedSkips = new ArrayList<>();
    int expectedConsidered = 0;
    for (OpenInvoice o : byDue) {
      if (o.invoice().issueDate().isAfter(AS_OF)) {
        continue;
      }
      expectedConsidered++;
      CustomerFacts c = o.customer().orElse(null);
      var skip = SkipRules.check(o.invoice(), c, promised, planned, AS_OF);
      if (skip.isPresent()) {
        expectedSkips.add(o.invoice().invoiceId() + ":" + skip.get());
        continue;
      }
      var policy =
          PolicySelector.select(LADDERS, c.assignedPolicy(), c.segment(), c.riskClass()).get();
      StepSelector.select(policy, o.invoice().dueDate(), AS_OF, o.stepsTaken())
          .ifPresent(step -> expectedCandidates.add(o.invoice().invoiceId() + ":" + step.code()));
    }

    Collections.shuffle(open, random);
    RunSelection selection = new RunSelection(LADDERS, promised, planned, AS_OF);
    open.forEach(selection);

    assertThat(selection.considered()).isEqualTo(expectedConsidered);
    assertThat(
            selection.candidates().stream()
                .map(c -> c.invoice().invoiceId() + ":" + c.step().code())
                .toList())
        .isNotEmpty()
        .containsExactlyElementsOf(expectedCandidates);
    assertThat(selection.skipped().stream().map(s -> s.invoiceId() + ":" + s.reason()).toList())
        .isNotEmpty()
        .containsExactlyElementsOf(expectedSkips);
    for (Grouping.Candidate c : selection.candidates()) {
      assertThat(selection.customer(c.invoice().customerId()).customerId())
          .isEqualTo(c.invoice().customerId());
    }
  }

  private static CustomerFacts customer(String id, Random random) {
    String riskClass = List.of("A", "B", "C", "D").get(random.nextInt(4));
    return new CustomerFacts(
        id,
        "Customer " + id,
        "fr",
        id + "@example.test",
        null,
        null,
        riskClass,
        null,
        random.nextInt(30) == 0,
        false,
        random.nextInt(30) == 0,
        null,
        null);
  }
}
