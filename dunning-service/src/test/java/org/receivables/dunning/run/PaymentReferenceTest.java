package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.replica.InvoiceFacts;

class PaymentReferenceTest {

  private static InvoiceFacts invoice(String number, String reference) {
    LocalDate d = LocalDate.of(2026, 11, 1);
    return new InvoiceFacts(
        number, "c", number, "EUR", d, d, BigDecimal.TEN, BigDecimal.TEN, "OPEN", false, reference);
  }

  @Test
  void quotesTheCreditorReferencesOfTheInvoices() {
    assertThat(
            PaymentReference.of(
                List.of(
                    invoice("F-1", "RF18539007547034"),
                    invoice("F-2", "RF71000000000000000000002"))))
        .isEqualTo("RF18539007547034 RF71000000000000000000002");
  }

  @Test
  void quotesTheNumbersWhenAnInvoiceHasNoReference() {
    assertThat(
            PaymentReference.of(List.of(invoice("F-1", "RF18539007547034"), invoice("F-2", null))))
        .isEqualTo("F-1 F-2");
  }
}
