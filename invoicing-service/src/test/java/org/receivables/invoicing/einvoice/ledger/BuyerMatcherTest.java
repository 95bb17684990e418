package org.receivables.invoicing.einvoice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.read.EDocument;

class BuyerMatcherTest {

  @Test
  void identifiersAreTriedVatIdThenBuyerIdThenLegalId() {
    EDocument.Party buyer =
        new EDocument.Party("B", "B-7", "987654321", "0002", "FR61987654321", "FR", null);
    assertThat(BuyerMatcher.identifiers(buyer))
        .containsExactly("FR61987654321", "B-7", "987654321");
    assertThat(
            BuyerMatcher.identifiers(new EDocument.Party("B", null, null, null, null, "FR", null)))
        .isEmpty();
  }

  @Test
  void aNewCustomersTermsAreTheDocumentsOwn() {
    LocalDate issued = LocalDate.of(2026, 11, 2);
    assertThat(BuyerMatcher.termsDays(issued, LocalDate.of(2026, 12, 17))).isEqualTo(45);
    assertThat(BuyerMatcher.termsDays(issued, null)).isEqualTo(30);
    assertThat(BuyerMatcher.termsDays(issued, issued.plusYears(3))).isEqualTo(365);
  }
}
