package org.receivables.invoicing.cash.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.cash.CreditorReference;

/** The decision rule alone, and through the matcher on a small book. */
class DecisionRuleTest {

  private static final Matcher.Settings SETTINGS =
      new Matcher.Settings(0.9, 0.1, new BigDecimal("2.00"), 4);

  private static Candidate candidate(double confidence) {
    return new Candidate(
        UUID.randomUUID(),
        List.of(new AmountEvidence.Allocation(UUID.randomUUID(), BigDecimal.TEN)),
        BigDecimal.ZERO,
        confidence,
        List.of("because"));
  }

  @Test
  void appliesOnlyAboveTheThresholdAndNeverOnAmbiguity() {
    assertThat(DecisionRule.decide(List.of(candidate(0.95)), 0.9, 0.1, List.of()).status())
        .isEqualTo(EntryStatus.MATCHED);
    assertThat(DecisionRule.decide(List.of(candidate(0.85)), 0.9, 0.1, List.of()).status())
        .isEqualTo(EntryStatus.SUGGESTED);
    Decision tie =
        DecisionRule.decide(List.of(candidate(0.97), candidate(0.97)), 0.9, 0.1, List.of());
    assertThat(tie.status()).isEqualTo(EntryStatus.SUGGESTED);
    assertThat(tie.reasons()).anyMatch(r -> r.startsWith("ambiguous"));
    assertThat(DecisionRule.decide(List.of(), 0.9, 0.1, List.of()).status())
        .isEqualTo(EntryStatus.UNMATCHED);
  }

  @Test
  void ranksCandidatesBestFirst() {
    Decision d =
        DecisionRule.decide(
            List.of(candidate(0.5), candidate(0.99), candidate(0.7)), 0.9, 0.1, List.of());
    assertThat(d.candidates()).extracting(Candidate::confidence).containsExactly(0.99, 0.7, 0.5);
    assertThat(d.status()).isEqualTo(EntryStatus.MATCHED);
  }

  private final ListBook book = new ListBook();
  private final UUID martin = UUID.randomUUID();
  private final UUID dupont = UUID.randomUUID();

  private Decision match(String amount, String name, String iban, String text) {
    return Matcher.match(
        new Transfer(new BigDecimal(amount), "EUR", LocalDate.of(2026, 2, 1), name, iban, text),
        book,
        SETTINGS);
  }

  @Test
  void aReferenceMatchesEvenAPartialPayment() {
    OpenInvoice i = book.add(martin, "Boulangerie Martin", "F-1", "1200.00");
    Decision d = match("500.00", null, null, CreditorReference.printed(i.paymentReference()));
    assertThat(d.status()).isEqualTo(EntryStatus.MATCHED);
    assertThat(d.chosen().allocations())
        .singleElement()
        .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("500.00"));
  }

  @Test
  void severalInvoiceNumbersAndTheExactTotalMatchTogetherAndTheExcessStaysOnAccount() {
    OpenInvoice a = book.add(martin, "Boulangerie Martin", "F-2026-0101", "100.00");
    OpenInvoice b = book.add(martin, "Boulangerie Martin", "F-2026-0102", "200.00");
    Decision d = match("300.00", null, null, "Factures F-2026-0101 F-2026-0102");
    assertThat(d.status()).isEqualTo(EntryStatus.MATCHED);
    assertThat(d.chosen().allocations())
        .extracting(AmountEvidence.Allocation::invoiceId)
        .containsExactly(a.id(), b.id());
    Decision over = match("350.00", null, null, "F-2026-0101 F-2026-0102");
    assertThat(over.chosen().onAccount()).isEqualByComparingTo("50.00");
  }

  @Test
  void anAmountAloneIsOnlyEverSuggested() {
    book.add(martin, "Boulangerie Martin", "F-1", "123.45");
    book.add(dupont, "Garage Dupont", "F-2", "123.45");
    Decision d = match("123.45", "Boulangerie Martin", null, "virement");
    assertThat(d.status()).isEqualTo(EntryStatus.SUGGESTED);
    assertThat(d.reasons()).anyMatch(r -> r.contains("ambiguous") || r.contains("below"));
    Decision nameless = match("123.45", "HOLDING DURAND", null, "virement");
    assertThat(nameless.status()).isEqualTo(EntryStatus.SUGGESTED);
  }

  @Test
  void theOnlyInvoiceOwingTheAmountAppliesOnlyWhenThePayerIsNamedAsTheCustomer() {
    OpenInvoice i = book.add(martin, "Boulangerie Martin SARL", "F-1", "123.45");
    book.add(dupont, "Garage Dupont", "F-2", "99.00");
    Decision d = match("123.45", "BOULANGERIE MARTIN", null, "VIR SEPA REGLEMENT");
    assertThat(d.status()).as(d.reasons().toString()).isEqualTo(EntryStatus.MATCHED);
    assertThat(d.chosen().allocations().get(0).invoiceId()).isEqualTo(i.id());
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("no other open invoice owes 123.45"));
    // a name that merely resembles, or none: a collector decides
    assertThat(match("123.45", "BOUL. MARTIN", null, null).status())
        .isEqualTo(EntryStatus.SUGGESTED);
    assertThat(match("123.45", "HOLDING DURAND", null, null).status())
        .isEqualTo(EntryStatus.SUGGESTED);
    // within the fee tolerance of another invoice: not the only one
    book.add(dupont, "Garage Dupont", "F-3", "124.45");
    assertThat(match("123.45", "BOULANGERIE MARTIN", null, null).status())
        .isEqualTo(EntryStatus.SUGGESTED);
  }

  @Test
  void twoCustomersOwingTheSameAmountStaySuggested() {
    book.add(martin, "Martin", "A-10023", "80.00");
    book.add(dupont, "Dupont", "B-10023", "80.00");
    Decision d = match("80.00", null, null, "facture 10023");
    assertThat(d.status()).isEqualTo(EntryStatus.SUGGESTED);
    assertThat(d.candidates()).hasSize(2);
  }

  @Test
  void aLearntIbanWithTheNameAndACombinationOfInvoicesMatches() {
    OpenInvoice a = book.add(martin, "Boulangerie Martin", "F-1", "100.00");
    book.add(martin, "Boulangerie Martin", "F-2", "40.00");
    OpenInvoice c = book.add(martin, "Boulangerie Martin", "F-3", "60.00");
    book.payers.put("FR7630006000011234567890189", Set.of(martin));
    Decision d = match("160.00", "BOULANGERIE MARTIN", "FR7630006000011234567890189", null);
    assertThat(d.status())
        .as(d.reasons().toString())
        .isIn(EntryStatus.MATCHED, EntryStatus.SUGGESTED);
    assertThat(d.candidates().get(0).allocations())
        .extracting(AmountEvidence.Allocation::invoiceId)
        .containsExactlyInAnyOrder(a.id(), c.id());
  }

  @Test
  void theDiscountedAmountSettlesWithinTheFeeTolerance() {
    OpenInvoice i = book.add(martin, "Martin", "F-2026-7777", "1000.00", "20.00");
    Decision d = match("980.00", null, null, "F-2026-7777");
    assertThat(d.status()).isEqualTo(EntryStatus.MATCHED);
    assertThat(d.chosen().allocations())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.invoiceId()).isEqualTo(i.id());
              assertThat(a.amount()).isEqualByComparingTo("980.00");
            });
    assertThat(d.reasons()).anyMatch(r -> r.contains("early-payment discount"));
  }

  @Test
  void aMistypedNumberNamingAnotherCustomersInvoiceAppliesToTheNeighbourTheAmountAndPayerFit() {
    // bench/run cash: "F-2026-0170" typed as "F-2026-0107", a number that exists in a dense series
    OpenInvoice meant = book.add(martin, "Boulangerie Martin", "F-2026-0170", "1200.00");
    OpenInvoice other = book.add(dupont, "Garage Dupont", "F-2026-0107", "480.00");
    Decision d = match("1200.00", "Boulangerie Martin", null, "FACTURE F-2026-0107");
    assertThat(d.status()).as(d.reasons().toString()).isEqualTo(EntryStatus.MATCHED);
    assertThat(d.chosen().allocations())
        .singleElement()
        .satisfies(a -> assertThat(a.invoiceId()).isEqualTo(meant.id()));
    assertThat(d.reasons()).anyMatch(r -> r.contains("one keystroke from"));
    assertThat(d.candidates())
        .anySatisfy(
            c -> {
              assertThat(c.allocations().get(0).invoiceId()).isEqualTo(other.id());
              assertThat(c.reasons()).anyMatch(r -> r.contains("may be mistyped"));
            });
  }

  @Test
  void aQuotedNumberWhoseNeighbourOwesTheSameAmountAppliesOnlyWithThePayersName() {
    // bench/run cash: with list prices, "F-2026-0170" mistyped as "F-2026-0107" can name an invoice
    // owing the same amount; the exact number and the amount alone applied it to the wrong one
    OpenInvoice meant = book.add(martin, "Boulangerie Martin", "F-2026-0170", "1200.00");
    OpenInvoice quoted = book.add(dupont, "Garage Dupont", "F-2026-0107", "1200.00");

    Decision typo = match("1200.00", "Boulangerie Martin", null, "FACTURE F-2026-0107");
    assertThat(typo.status()).as(typo.reasons().toString()).isEqualTo(EntryStatus.SUGGESTED);
    assertThat(typo.candidates())
        .extracting(c -> c.allocations().get(0).invoiceId())
        .contains(meant.id(), quoted.id());

    Decision nobody = match("1200.00", "HOLDING DURAND", null, "FACTURE F-2026-0107");
    assertThat(nobody.status()).as(nobody.reasons().toString()).isEqualTo(EntryStatus.SUGGESTED);
    assertThat(nobody.reasons()).anyMatch(r -> r.contains("owes the same amount"));

    Decision named = match("1200.00", "Garage Dupont", null, "FACTURE F-2026-0107");
    assertThat(named.status()).as(named.reasons().toString()).isEqualTo(EntryStatus.MATCHED);
    assertThat(named.chosen().allocations())
        .singleElement()
        .satisfies(a -> assertThat(a.invoiceId()).isEqualTo(quoted.id()));

    // a neighbour the amount fits less closely (within the fees) does not hold an exact fit back
    OpenInvoice exact = book.add(martin, "Boulangerie Martin", "F-2026-0501", "300.00");
    book.add(dupont, "Garage Dupont", "F-2026-0510", "301.00");
    Decision fees = match("300.00", "HOLDING DURAND", null, "FACTURE F-2026-0501");
    assertThat(fees.status()).as(fees.reasons().toString()).isEqualTo(EntryStatus.MATCHED);
    assertThat(fees.chosen().allocations().get(0).invoiceId()).isEqualTo(exact.id());
  }

  @Test
  void aMistypedNumberFromAPayerNamedOtherwiseIsOnlySuggested() {
    OpenInvoice meant = book.add(martin, "Boulangerie Martin", "F-2026-0170", "1200.00");
    book.add(dupont, "Garage Dupont", "F-2026-0107", "480.00");
    Decision d = match("1200.00", "HOLDING DURAND", null, "FACTURE F-2026-0107");
    assertThat(d.status()).as(d.reasons().toString()).isEqualTo(EntryStatus.SUGGESTED);
    assertThat(d.candidates().get(0).allocations().get(0).invoiceId()).isEqualTo(meant.id());
  }

  @Test
  void aDroppedDigitIsFoundWhenTheAmountAndPayerFitButNeverWhenTwoNeighboursFit() {
    OpenInvoice meant = book.add(martin, "Boulangerie Martin", "F-2026-10432", "730.15");
    book.add(dupont, "Garage Dupont", "F-2026-10433", "99.00");
    Decision d = match("730.15", "BOULANGERIE MARTIN", null, "FACTURE F-2026-1432");
    assertThat(d.status()).as(d.reasons().toString()).isEqualTo(EntryStatus.MATCHED);
    assertThat(d.chosen().allocations().get(0).invoiceId()).isEqualTo(meant.id());

    // another neighbour of the same customer owing the same amount: the amount cannot decide
    book.add(martin, "Boulangerie Martin", "F-2026-14320", "730.15");
    Decision twice = match("730.15", "BOULANGERIE MARTIN", null, "FACTURE F-2026-1432");
    assertThat(twice.status()).as(twice.reasons().toString()).isEqualTo(EntryStatus.SUGGESTED);
  }

  @Test
  void aPartialPaymentQuotingTheExactNumberIsNotTakenForATypo() {
    OpenInvoice quoted = book.add(martin, "Boulangerie Martin", "F-2026-0300", "1200.00");
    book.add(dupont, "Garage Dupont", "F-2026-0310", "480.00");
    Decision d = match("600.00", "Boulangerie Martin", null, "F-2026-0300");
    assertThat(d.status()).as(d.reasons().toString()).isEqualTo(EntryStatus.MATCHED);
    assertThat(d.chosen().allocations().get(0).invoiceId()).isEqualTo(quoted.id());
  }

  @Test
  void aFullInvoiceNumberAppliesWhenTheAmountOrThePayerBearsItOut() {
    OpenInvoice i = book.add(martin, "Boulangerie Martin", "F-2026-0300", "1200.00");
    assertThat(match("1200.00", "Someone Else", null, "F-2026-0300").status())
        .isEqualTo(EntryStatus.MATCHED);
    Decision partial = match("500.00", "BOULANGERIE MARTIN", null, "F-2026-0300");
    assertThat(partial.status()).as(partial.reasons().toString()).isEqualTo(EntryStatus.MATCHED);
    assertThat(partial.chosen().allocations())
        .singleElement()
        .satisfies(a -> assertThat(a.invoiceId()).isEqualTo(i.id()));
    assertThat(match("500.00", "Someone Else", null, "F-2026-0300").status())
        .isEqualTo(EntryStatus.SUGGESTED);
  }

  @Test
  void nothingPointingAnywhereIsUnmatched() {
    book.add(martin, "Martin", "F-1", "10.00");
    assertThat(match("999.99", "Someone", null, "gift").status()).isEqualTo(EntryStatus.UNMATCHED);
  }
}
