package org.receivables.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputChangeTest {

  private static Optional<CustomerRepository.Customer> known(String segment, String currency) {
    return Optional.of(
        new CustomerRepository.Customer("t", "c", "Martin", segment, currency, true));
  }

  @Test
  void aNewCustomerChangesTheInputs() {
    assertThat(InputChange.customer(Optional.empty(), null, null)).isTrue();
  }

  @Test
  void aNewNameAloneChangesNothingTheScoreReads() {
    assertThat(InputChange.customer(known("retail", "EUR"), "retail", "EUR")).isFalse();
  }

  @Test
  void aNewSegmentOrCurrencyChangesTheInputs() {
    assertThat(InputChange.customer(known("retail", "EUR"), "transport", "EUR")).isTrue();
    assertThat(InputChange.customer(known("retail", "EUR"), "retail", "USD")).isTrue();
    assertThat(InputChange.customer(known(null, "EUR"), "retail", "EUR")).isTrue();
    assertThat(InputChange.customer(known("retail", "EUR"), null, "EUR")).isTrue();
  }

  @Test
  void aDueDateChangesTheInputsOnlyWhenItMoved() {
    LocalDate due = LocalDate.of(2026, 3, 31);
    assertThat(InputChange.moved(due, due)).isFalse();
    assertThat(InputChange.moved(due, due.plusDays(15))).isTrue();
  }

  @Test
  void aRepeatedFactWritesNoRowAndChangesNothing() {
    assertThat(InputChange.written(0)).isFalse();
    assertThat(InputChange.written(1)).isTrue();
  }
}
