package org.receivables.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.read.EDocument;

class SellerPolicyTest {

  private static final EDocument.Party SELLER =
      new EDocument.Party("S", null, "123456789", "0002", "FR32123456789", "FR", null);

  @Test
  void acceptsASellerByVatIdOrSirenWrittenAnyWay() {
    assertThat(SellerPolicy.accepts(List.of("fr 32 123 456 789"), SELLER)).isTrue();
    assertThat(SellerPolicy.accepts(List.of("123.456.789"), SELLER)).isTrue();
  }

  @Test
  void refusesAnotherSeller() {
    assertThat(SellerPolicy.accepts(List.of("FR00999999999", "999999999"), SELLER)).isFalse();
  }
}
