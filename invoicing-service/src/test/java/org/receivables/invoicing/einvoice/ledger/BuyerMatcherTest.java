package org.receivables.invoicing.einvoice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.customer.Customer;
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

  private static Customer customer(String externalRef, String legalId) {
    Customer c = new Customer();
    c.externalRef = externalRef;
    c.legalId = legalId;
    return c;
  }

  @Test
  void theOldestCustomerWithTheBuyersLegalIdComesFirst() {
    EDocument.Party buyer =
        new EDocument.Party("B", "B-7", "987654321", "0002", "FR61987654321", "FR", null);
    Customer byVat = customer("FR61987654321", null);
    Customer older = customer("X-1", "987654321");
    Customer newer = customer("X-2", "987654321");
    assertThat(BuyerMatcher.choose(buyer, List.of(byVat, older, newer))).containsSame(older);
  }

  @Test
  void withoutALegalIdMatchTheIdentifiersAreTriedInTheirOrder() {
    EDocument.Party buyer =
        new EDocument.Party("B", "B-7", "987654321", "0002", "FR61987654321", "FR", null);
    Customer byId = customer("B-7", null);
    Customer byVat = customer("FR61987654321", "111111111");
    assertThat(BuyerMatcher.choose(buyer, List.of(byId, byVat))).containsSame(byVat);
    assertThat(BuyerMatcher.choose(buyer, List.of(byId))).containsSame(byId);
    assertThat(BuyerMatcher.choose(buyer, List.of(customer("other", "222222222")))).isEmpty();
  }

  @Test
  void aNewCustomersTermsAreTheDocumentsOwn() {
    LocalDate issued = LocalDate.of(2026, 11, 2);
    assertThat(BuyerMatcher.termsDays(issued, LocalDate.of(2026, 12, 17))).isEqualTo(45);
    assertThat(BuyerMatcher.termsDays(issued, null)).isEqualTo(30);
    assertThat(BuyerMatcher.termsDays(issued, issued.plusYears(3))).isEqualTo(365);
  }
}
