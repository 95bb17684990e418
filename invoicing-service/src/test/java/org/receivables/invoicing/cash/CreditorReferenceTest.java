package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

  @Test
  void computesTheCheckDigitsOfTheStandardsExample() {
    // ISO 11649's own example: body 539007547034 gives RF18.
    assertThat(CreditorReference.withCheckDigits("539007547034")).isEqualTo("RF18539007547034");
    assertThat(CreditorReference.withCheckDigits("ABC123")).matches("RF[0-9]{2}ABC123");
  }

  @Test
  void validatesCheckDigitsIgnoringSpacesAndCase() {
    assertThat(CreditorReference.isValid("RF18 5390 0754 7034")).isTrue();
    assertThat(CreditorReference.isValid("rf18539007547034")).isTrue();
    assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
    assertThat(CreditorReference.isValid("RF18539007547043")).isFalse();
    assertThat(CreditorReference.isValid("RF18")).isFalse();
    assertThat(CreditorReference.isValid("XX18539007547034")).isFalse();
    assertThat(CreditorReference.isValid(null)).isFalse();
  }

  @Test
  void refusesABodyThatIsNotOneToTwentyOneLettersOrDigits() {
    assertThatThrownBy(() -> CreditorReference.withCheckDigits(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditorReference.withCheckDigits("A-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditorReference.withCheckDigits("1".repeat(22)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInvoiceReferenceIsValidStableAndDistinctPerId() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    String ref = CreditorReference.forInvoice(id);
    assertThat(ref).hasSize(20).startsWith("RF");
    assertThat(CreditorReference.isValid(ref)).isTrue();
    assertThat(CreditorReference.forInvoice(id)).isEqualTo(ref);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(CreditorReference.forInvoice(UUID.randomUUID()))).isTrue();
    }
  }

  @Test
  void findsReferencesInFreeTextEvenPrintedOrFollowedByWords() {
    assertThat(CreditorReference.findIn("Payment RF18 5390 0754 7034 PAID thanks"))
        .containsExactly("RF18539007547034");
    assertThat(CreditorReference.findIn("rf18539007547034/RF712348231"))
        .contains("RF18539007547034");
    assertThat(CreditorReference.findIn("no reference here")).isEmpty();
    assertThat(CreditorReference.invalidIn("RF19 5390 0754 7034")).hasSize(1);
    assertThat(CreditorReference.findIn("RF19 5390 0754 7034")).isEmpty();
  }

  @Test
  void printsInGroupsOfFour() {
    assertThat(CreditorReference.printed("RF18539007547034")).isEqualTo("RF18 5390 0754 7034");
  }
}
