package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.policy.DefaultPolicies;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;

class GroupingAndSkipTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 5, 1);
  private static final DunningPolicy P = DefaultPolicies.standard("t");
  private static final PolicyStep FRIENDLY = P.steps().get(1);
  private static final PolicyStep SECOND = P.steps().get(2);

  private static InvoiceFacts invoice(
      String id, String customer, String amount, String currency, LocalDate due) {
    BigDecimal a = new BigDecimal(amount);
    return new InvoiceFacts(
        id, customer, "F-" + id, currency, due.minusDays(30), due, a, a, "OPEN", false, null);
  }

  private static CustomerFacts customer(boolean doNotDun, boolean exempt, LocalDate until) {
    return new CustomerFacts(
        "c1", "Martin", "fr", "a@b.fr", null, null, "C", null, doNotDun, false, exempt, until,
        null);
  }

  @Test
  void oneCommunicationPerCustomerStepAndCurrencyListingEveryInvoiceOldestFirst() {
    var result =
        Grouping.group(
            List.of(
                new Grouping.Candidate(
                    invoice("2", "c1", "100.00", "EUR", AS_OF.minusDays(1)), P, FRIENDLY),
                new Grouping.Candidate(
                    invoice("1", "c1", "50.00", "EUR", AS_OF.minusDays(3)), P, FRIENDLY),
                new Grouping.Candidate(
                    invoice("3", "c1", "70.00", "EUR", AS_OF.minusDays(12)), P, SECOND),
                new Grouping.Candidate(
                    invoice("4", "c2", "80.00", "EUR", AS_OF.minusDays(2)), P, FRIENDLY),
                new Grouping.Candidate(
                    invoice("5", "c1", "90.00", "USD", AS_OF.minusDays(2)), P, FRIENDLY)));
    assertThat(result.groups()).hasSize(4);
    Grouping.Group first = result.groups().get(0);
    assertThat(first.customerId()).isEqualTo("c1");
    assertThat(first.step().code()).isEqualTo("FRIENDLY");
    assertThat(first.invoiceIds()).containsExactly("1", "2");
    assertThat(first.total()).isEqualByComparingTo("150.00");
  }

  @Test
  void aGroupUnderTheStepMinimumIsNotSent() {
    var result =
        Grouping.group(
            List.of(
                new Grouping.Candidate(
                    invoice("1", "c1", "9.00", "EUR", AS_OF.minusDays(2)), P, FRIENDLY),
                new Grouping.Candidate(
                    invoice("2", "c1", "5.99", "EUR", AS_OF.minusDays(2)), P, FRIENDLY),
                new Grouping.Candidate(
                    invoice("3", "c2", "9.00", "EUR", AS_OF.minusDays(2)), P, FRIENDLY),
                new Grouping.Candidate(
                    invoice("4", "c2", "6.00", "EUR", AS_OF.minusDays(2)), P, FRIENDLY)));
    // minimum 15.00: c1 owes 14.99 (left alone), c2 owes 15.00 (sent)
    assertThat(result.underMinimum())
        .singleElement()
        .satisfies(g -> assertThat(g.customerId()).isEqualTo("c1"));
    assertThat(result.groups())
        .singleElement()
        .satisfies(g -> assertThat(g.customerId()).isEqualTo("c2"));
  }

  @Test
  void skipsSettledDisputedPausedAndExempted() {
    InvoiceFacts open = invoice("1", "c1", "100.00", "EUR", AS_OF.minusDays(5));
    CustomerFacts normal = customer(false, false, null);
    assertThat(SkipRules.check(open, normal, Set.of(), Set.of(), AS_OF)).isEmpty();
    InvoiceFacts paid =
        new InvoiceFacts(
            "1",
            "c1",
            "F-1",
            "EUR",
            AS_OF,
            AS_OF,
            BigDecimal.TEN,
            BigDecimal.ZERO,
            "PAID",
            true,
            null);
    assertThat(SkipRules.check(paid, normal, Set.of(), Set.of(), AS_OF))
        .contains(SkipReason.SETTLED);
    InvoiceFacts disputed =
        new InvoiceFacts(
            "1",
            "c1",
            "F-1",
            "EUR",
            AS_OF,
            AS_OF,
            BigDecimal.TEN,
            BigDecimal.TEN,
            "OPEN",
            true,
            null);
    assertThat(SkipRules.check(disputed, normal, Set.of(), Set.of(), AS_OF))
        .contains(SkipReason.DISPUTED);
    assertThat(SkipRules.check(open, null, Set.of(), Set.of(), AS_OF))
        .contains(SkipReason.CUSTOMER_UNKNOWN);
    assertThat(SkipRules.check(open, customer(true, false, null), Set.of(), Set.of(), AS_OF))
        .contains(SkipReason.CUSTOMER_EXEMPT);
    assertThat(SkipRules.check(open, customer(false, true, AS_OF), Set.of(), Set.of(), AS_OF))
        .contains(SkipReason.CUSTOMER_EXEMPT);
    // the exemption ended yesterday
    assertThat(
            SkipRules.check(
                open, customer(false, true, AS_OF.minusDays(1)), Set.of(), Set.of(), AS_OF))
        .isEmpty();
    assertThat(SkipRules.check(open, normal, Set.of("1"), Set.of(), AS_OF))
        .contains(SkipReason.PROMISE_ACTIVE);
    assertThat(SkipRules.check(open, normal, Set.of("1"), Set.of("1"), AS_OF))
        .contains(SkipReason.PLAN_ACTIVE);
  }
}
