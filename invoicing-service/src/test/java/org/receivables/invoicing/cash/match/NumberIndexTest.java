package org.receivables.invoicing.cash.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The batch's number index answers as filtering the read list in order would. */
class NumberIndexTest {

  private static OpenInvoice invoice(String number) {
    return new OpenInvoice(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Martin SA",
        number,
        null,
        "EUR",
        new BigDecimal("10.00"),
        LocalDate.of(2026, 2, 1),
        BigDecimal.ZERO);
  }

  @Test
  void keysDropWhatDebtorsVaryAndKeepOnlyAsciiLettersAndDigits() {
    assertThat(InvoiceNumberKeys.alnumKey("fac-F 2026/0001")).isEqualTo("FACF20260001");
    assertThat(InvoiceNumberKeys.alnumKey("Facturé-٣12ab")).isEqualTo("FACTUR12AB");
    assertThat(InvoiceNumberKeys.digitKey("F-2026 0001")).isEqualTo("20260001");
    assertThat(InvoiceNumberKeys.digitKey("٣-x")).isEmpty();
  }

  @Test
  void answersKeepReadOrderTakeEitherKeyAndStopAtTheLimit() {
    OpenInvoice a = invoice("F-2026-0001");
    OpenInvoice b = invoice("G/2026/0002");
    OpenInvoice c = invoice("f 2026 0001");
    OpenInvoice d = invoice("H-77777");
    NumberIndex index = NumberIndex.of(List.of(a, b, c, d));

    assertThat(index.having(Set.of("F20260001"), Set.of(), 10)).containsExactly(a, c);
    assertThat(index.having(Set.of("H77777"), Set.of("20260002"), 10)).containsExactly(b, d);
    assertThat(index.having(Set.of("F20260001"), Set.of("20260002"), 2)).containsExactly(a, b);
    assertThat(index.having(Set.of("NOPE1"), Set.of("99999"), 10)).isEmpty();
  }
}
