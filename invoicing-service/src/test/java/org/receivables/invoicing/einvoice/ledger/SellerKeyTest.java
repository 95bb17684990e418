package org.receivables.invoicing.einvoice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.read.EDocument;

class SellerKeyTest {

  @Test
  void theVatIdComesFirstWrittenAnyWay() {
    EDocument.Party a =
        new EDocument.Party("A", "7", "123456789", "0002", "fr 32 123.456.789", "FR", null);
    EDocument.Party b = new EDocument.Party("A", null, null, null, "FR32123456789", "FR", null);
    assertThat(SellerKey.of(a)).isEqualTo("VAT:FR32123456789").isEqualTo(SellerKey.of(b));
  }

  @Test
  void thenTheLegalIdWithItsScheme_thenTheId_thenTheName() {
    assertThat(SellerKey.of(new EDocument.Party("A", "7", "123456789", "0002", null, "FR", null)))
        .isEqualTo("LEGAL:0002:123456789");
    assertThat(SellerKey.of(new EDocument.Party("A", "S-7", null, null, null, "FR", null)))
        .isEqualTo("ID:S7");
    assertThat(SellerKey.of(new EDocument.Party(" Acme ", null, null, null, null, "FR", null)))
        .isEqualTo("NAME:Acme");
  }
}
