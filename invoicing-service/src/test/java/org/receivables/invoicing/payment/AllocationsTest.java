package org.receivables.invoicing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.payment.Allocations.Allocation;
import org.receivables.kit.problem.Problem.FieldError;

class AllocationsTest {

  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();

  private static Allocation alloc(UUID id, String amount) {
    return new Allocation(id, new BigDecimal(amount));
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aPaymentSpreadExactlyIsAccepted() {
    assertThat(
            Allocations.check(
                new BigDecimal("1500.00"), "EUR", List.of(alloc(A, "1000.00"), alloc(B, "500"))))
        .isEmpty();
  }

  @Test
  void allocationsMustAddUpToThePayment() {
    var errors =
        Allocations.check(
            new BigDecimal("1500.00"), "EUR", List.of(alloc(A, "1000.00"), alloc(B, "499.99")));
    assertThat(fields(errors)).containsExactly("amount");
    assertThat(errors.get(0).message()).contains("1499.99");
  }

  @Test
  void eachInvoiceOnce() {
    assertThat(
            fields(
                Allocations.check(
                    new BigDecimal("20"), "EUR", List.of(alloc(A, "10"), alloc(A, "10")))))
        .containsExactly("allocations[1].invoiceId");
  }

  @Test
  void amountsArePositiveAndInMinorUnits() {
    assertThat(
            fields(
                Allocations.check(
                    new BigDecimal("10"), "JPY", List.of(alloc(A, "10.5"), alloc(B, "0")))))
        .containsExactly("allocations[0].amount", "allocations[1].amount");
    assertThat(fields(Allocations.check(new BigDecimal("10.001"), "EUR", List.of(alloc(A, "10")))))
        .contains("amount");
  }

  @Test
  void atLeastOneAllocation() {
    assertThat(fields(Allocations.check(BigDecimal.TEN, "EUR", List.of())))
        .containsExactly("allocations");
  }
}
