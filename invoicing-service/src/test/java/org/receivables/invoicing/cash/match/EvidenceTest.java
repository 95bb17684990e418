package org.receivables.invoicing.cash.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each piece of evidence on its own. */
class EvidenceTest {

  private final ListBook book = new ListBook();
  private final UUID martin = UUID.randomUUID();

  private static Transfer transfer(String amount, String name, String iban, String text) {
    return new Transfer(new BigDecimal(amount), "EUR", LocalDate.of(2026, 2, 1), name, iban, text);
  }

  @Test
  void aValidReferenceNamesItsInvoiceAndATypoSaysSo() {
    OpenInvoice inv = book.add(martin, "Martin", "F-1", "100.00");
    String printed =
        org.receivables.invoicing.cash.CreditorReference.printed(inv.paymentReference());
    List<String> notes = new ArrayList<>();
    List<Clue> clues =
        ReferenceEvidence.find(transfer("100", null, null, "Paiement " + printed), book, notes);
    assertThat(clues).singleElement().satisfies(c -> assertThat(c.invoice()).isEqualTo(inv));
    assertThat(notes).isEmpty();

    // One digit changed: ISO 7064 MOD 97-10 catches every such typo. (Changing the last character,
    // when it was a letter, passed the check by chance about once in a hundred runs.)
    String reference = inv.paymentReference();
    char checkDigit = reference.charAt(3);
    String typo =
        reference.substring(0, 3)
            + (char) ('0' + (checkDigit - '0' + 1) % 10)
            + reference.substring(4);
    List<String> typoNotes = new ArrayList<>();
    assertThat(ReferenceEvidence.find(transfer("100", null, null, typo), book, typoNotes))
        .isEmpty();
    assertThat(typoNotes).anyMatch(n -> n.contains("check digits are wrong"));
  }

  @Test
  void invoiceNumbersAreFoundWhateverTheCaseSpacesDashesAndPrefixes() {
    OpenInvoice a = book.add(martin, "Martin", "F-2026-00017", "100.00");
    OpenInvoice b = book.add(martin, "Martin", "F-2026-00018", "50.00");
    book.add(martin, "Martin", "F-2026-00019", "70.00");
    List<Clue> clues =
        InvoiceNumberEvidence.find(
            transfer("150", null, null, "fac f 2026 00017 et FAC2026-00018"), book);
    assertThat(clues).extracting(Clue::invoice).containsExactlyInAnyOrder(a, b);
    assertThat(clues)
        .filteredOn(c -> c.invoice().equals(a))
        .singleElement()
        .satisfies(c -> assertThat(c.strength()).isEqualTo(InvoiceNumberEvidence.FULL));
    assertThat(clues)
        .filteredOn(c -> c.invoice().equals(b))
        .singleElement()
        .satisfies(c -> assertThat(c.strength()).isEqualTo(InvoiceNumberEvidence.DIGITS));
  }

  @Test
  void shortDigitRunsAreNotInvoiceNumbers() {
    book.add(martin, "Martin", "12", "100.00");
    assertThat(InvoiceNumberEvidence.find(transfer("100", null, null, "order 12 of 2026"), book))
        .isEmpty();
    assertThat(InvoiceNumberKeys.fromText("paid 01/02").digits()).isEmpty();
  }

  @Test
  void aLearntIbanNamesTheCustomer() {
    book.payers.put("FR7630006000011234567890189", Set.of(martin));
    assertThat(
            PayerIbanEvidence.find(
                transfer("1", null, "fr76 3000 6000 0112 3456 7890 189", null), book))
        .singleElement()
        .satisfies(c -> assertThat(c.customerId()).isEqualTo(martin));
    assertThat(PayerIbanEvidence.find(transfer("1", null, "DE89370400440532013000", null), book))
        .isEmpty();
  }

  @Test
  void namesResembleDespiteLegalFormsOrderAccentsAndTypos() {
    assertThat(NameSimilarity.score("BOULANGERIE MARTIN SARL", "Boulangerie Martin"))
        .isEqualTo(1.0);
    assertThat(NameSimilarity.score("Martin Boulangerie", "Boulangérie Martin")).isEqualTo(1.0);
    assertThat(NameSimilarity.score("BOULANGERIE MARTN", "Boulangerie Martin")).isGreaterThan(0.8);
    assertThat(NameSimilarity.score("Garage Dupont", "Boulangerie Martin")).isLessThan(0.5);
    assertThat(NameSimilarity.score(null, "x")).isZero();
  }

  @Test
  void amountsFitExactlyDiscountedWithinFeesPartiallyOrOver() {
    OpenInvoice i = book.add(martin, "Martin", "F-1", "100.00", "2.00");
    BigDecimal fees = new BigDecimal("1.50");
    assertThat(AmountEvidence.assess(new BigDecimal("100.00"), List.of(i), fees).fit())
        .isEqualTo(AmountEvidence.Fit.EXACT);
    assertThat(AmountEvidence.assess(new BigDecimal("98.00"), List.of(i), fees).fit())
        .isEqualTo(AmountEvidence.Fit.DISCOUNTED);
    assertThat(AmountEvidence.assess(new BigDecimal("97.00"), List.of(i), fees).fit())
        .isEqualTo(AmountEvidence.Fit.WITHIN_FEES);
    assertThat(AmountEvidence.assess(new BigDecimal("50.00"), List.of(i), fees).fit())
        .isEqualTo(AmountEvidence.Fit.PARTIAL);
    assertThat(AmountEvidence.assess(new BigDecimal("120.00"), List.of(i), fees).fit())
        .isEqualTo(AmountEvidence.Fit.OVER);
    AmountEvidence.Split over =
        AmountEvidence.split(new BigDecimal("120.00"), List.of(i), AmountEvidence.Fit.OVER);
    assertThat(over.allocations())
        .singleElement()
        .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("100.00"));
    assertThat(over.onAccount()).isEqualByComparingTo("20.00");
  }

  @Test
  void combinationsAreFoundBoundedAndTwoAnswersAreReported() {
    OpenInvoice a = book.add(martin, "Martin", "F-1", "100.00");
    OpenInvoice b = book.add(martin, "Martin", "F-2", "250.00");
    book.add(martin, "Martin", "F-3", "75.00");
    assertThat(InvoiceCombination.find(new BigDecimal("350.00"), book.invoices, 4, false))
        .containsExactly(List.of(a, b));
    book.add(martin, "Martin", "F-4", "275.00");
    assertThat(InvoiceCombination.find(new BigDecimal("350.00"), book.invoices, 4, false))
        .hasSize(2);
    assertThat(InvoiceCombination.find(new BigDecimal("700.00"), book.invoices, 2, false))
        .isEmpty();
  }

  @Test
  void aPrefixGluedToTheNumberIsDropped() {
    assertThat(InvoiceNumberKeys.fromText("INVABC20261000001").alnum()).contains("ABC20261000001");
    assertThat(InvoiceNumberKeys.fromText("FACTF-2026-0001 merci").alnum()).contains("F20260001");
    OpenInvoice inv = book.add(martin, "Martin", "ABC-2026-1000001", "10.00");
    assertThat(InvoiceNumberEvidence.find(transfer("10", null, null, "INVABC20261000001"), book))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.invoice()).isEqualTo(inv);
              assertThat(c.strength()).isEqualTo(InvoiceNumberEvidence.FULL);
            });
  }

  @Test
  void nearNumbersAreOneKeystrokeAwayAndOnlyForLongNumbers() {
    assertThat(NearNumberEvidence.oneEditApart("F20260170", "F20260107")).isTrue(); // swapped
    assertThat(NearNumberEvidence.oneEditApart("F20260170", "F20260171")).isTrue(); // changed
    assertThat(NearNumberEvidence.oneEditApart("F2026170", "F20260170")).isTrue(); // dropped
    assertThat(NearNumberEvidence.oneEditApart("F202601700", "F20260170")).isTrue(); // doubled
    assertThat(NearNumberEvidence.oneEditApart("F20260170", "F20260170")).isFalse();
    assertThat(NearNumberEvidence.oneEditApart("F20260170", "F20271070")).isFalse();
    assertThat(NearNumberEvidence.oneEditApart("G20260171", "F20260170")).isFalse();
    assertThat(NearNumberEvidence.variants(Set.of("20260107")))
        .contains("20260170", "20260108", "202601077", "2026017", "202610107")
        .doesNotContain("20260107");
    assertThat(NearNumberEvidence.variants(Set.of("2026017"))).isEmpty();

    OpenInvoice meant = book.add(martin, "Martin", "F-2026-0170", "10.00");
    book.add(martin, "Martin", "G-2026-0170", "10.00"); // same digits, another series
    OpenInvoice quoted = book.add(martin, "Martin", "F-2026-0107", "10.00");
    List<Clue> clues =
        NearNumberEvidence.find(
            transfer("10", null, null, "FACTURE F 2026 0107"), book, Set.of(quoted.id()));
    assertThat(clues)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.invoice()).isEqualTo(meant);
              assertThat(c.strength()).isEqualTo(NearNumberEvidence.STRENGTH);
              assertThat(c.reason()).contains("one keystroke from");
            });
  }

  @Test
  void theSoleInvoiceOwingTheAmountIsAClue() {
    OpenInvoice i = book.add(martin, "Martin", "F-1", "80.00");
    assertThat(AmountEvidence.sole(new BigDecimal("80.00"), List.of(i)))
        .singleElement()
        .satisfies(c -> assertThat(c.strength()).isEqualTo(AmountEvidence.SOLE));
    assertThat(AmountEvidence.sole(new BigDecimal("79.00"), List.of(i))).isEmpty();
    OpenInvoice j = book.add(martin, "Martin", "F-2", "80.00");
    assertThat(AmountEvidence.sole(new BigDecimal("80.00"), List.of(i, j))).isEmpty();
  }
}
