package org.receivables.scoring.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentBehaviourTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  static InvoiceHistory invoice(
      String id, String issued, String due, String total, Settlement... settlements) {
    return new InvoiceHistory(
        id,
        "EUR",
        LocalDate.parse(issued),
        LocalDate.parse(due),
        new BigDecimal(total),
        null,
        List.of(settlements));
  }

  static Settlement paid(String amount, String on) {
    return Settlement.payment(new BigDecimal(amount), LocalDate.parse(on));
  }

  @Test
  void workedExample() {
    List<InvoiceHistory> invoices =
        List.of(
            invoice("I1", "2026-01-05", "2026-02-04", "1000", paid("1000", "2026-02-04")),
            invoice("I2", "2026-02-10", "2026-03-12", "2000", paid("2000", "2026-04-11")),
            invoice("I3", "2026-04-20", "2026-05-20", "1000", paid("500", "2026-05-25")),
            invoice("I4", "2026-06-10", "2026-07-10", "3000"),
            invoice("I5", "2025-03-01", "2025-03-31", "400"));
    PaymentBehaviour b = PaymentBehaviour.of(AS_OF, "EUR", invoices, CollectionFacts.NONE);

    assertThat(b.invoicesFallenDue()).isEqualTo(4);
    assertThat(b.invoicesDue()).isEqualTo(3); // I5 fell due before the 12-month window
    // I1 1000×0 + I2 2000×30 + I3 500×5 paid + 500×41 still open, over 4000
    assertThat(b.averageDaysLate()).isEqualByComparingTo("20.8");
    assertThat(b.recentDaysLate()).isEqualByComparingTo("23.0"); // I3 alone
    assertThat(b.earlierDaysLate()).isEqualByComparingTo("20.0"); // I1 and I2
    // recent counted twice: (2×23000 + 60000) / (2×1000 + 3000)
    assertThat(b.recencyWeightedDaysLate(BigDecimal.valueOf(2))).isEqualByComparingTo("21.2");
    assertThat(b.lateInvoices()).isEqualTo(2); // I2 paid 30 days late, I3 open 41 days
    assertThat(b.lateShare()).isEqualByComparingTo("0.6667");
    assertThat(b.overdue()).isEqualByComparingTo("900");
    assertThat(b.oldestOverdueDays()).isEqualTo(456);
    assertThat(b.exposure()).isEqualByComparingTo("3900");
    assertThat(b.billed12Months()).isEqualByComparingTo("7000");
    assertThat(b.overdueRatio()).isEqualByComparingTo("0.1286");
    assertThat(b.relationshipMonths()).isEqualTo(15);
    assertThat(b.monthlyBilling())
        .isEqualByComparingTo(
            new BigDecimal("7000").divide(BigDecimal.valueOf(12), java.math.MathContext.DECIMAL64));
  }

  @Test
  void reversedPaymentsCountOnlyUntilTheirReversal() {
    Settlement bounced =
        new Settlement(
            Settlement.Kind.PAYMENT,
            new BigDecimal("1000"),
            LocalDate.parse("2026-05-01"),
            LocalDate.parse("2026-05-10"));
    List<InvoiceHistory> invoices =
        List.of(
            new InvoiceHistory(
                "I1",
                "EUR",
                LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-05-01"),
                new BigDecimal("1000"),
                null,
                List.of(bounced)));
    assertThat(
            PaymentBehaviour.of(
                    LocalDate.parse("2026-05-05"), "EUR", invoices, CollectionFacts.NONE)
                .exposure())
        .isEqualByComparingTo("0");
    PaymentBehaviour after = PaymentBehaviour.of(AS_OF, "EUR", invoices, CollectionFacts.NONE);
    assertThat(after.exposure()).isEqualByComparingTo("1000");
    assertThat(after.oldestOverdueDays()).isEqualTo(60);
  }

  @Test
  void cancelledAndCreditedInvoicesAreNotLatenessAndOtherCurrenciesAreIgnored() {
    InvoiceHistory cancelled =
        new InvoiceHistory(
            "C",
            "EUR",
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-01-31"),
            new BigDecimal("500"),
            LocalDate.parse("2026-01-15"),
            List.of());
    InvoiceHistory credited =
        invoice(
            "CR",
            "2026-01-01",
            "2026-01-31",
            "500",
            new Settlement(
                Settlement.Kind.CREDIT_NOTE,
                new BigDecimal("500"),
                LocalDate.parse("2026-03-31"),
                null));
    InvoiceHistory dollars =
        new InvoiceHistory(
            "USD",
            "USD",
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-01-31"),
            new BigDecimal("500"),
            null,
            List.of());
    PaymentBehaviour b =
        PaymentBehaviour.of(
            AS_OF, "EUR", List.of(cancelled, credited, dollars), CollectionFacts.NONE);
    assertThat(b.invoicesFallenDue()).isEqualTo(1);
    assertThat(b.lateInvoices()).isZero();
    assertThat(b.averageDaysLate()).isEqualByComparingTo("0");
    assertThat(b.exposure()).isEqualByComparingTo("0");
  }

  @Test
  void writeOffsCountAsNeverPaid() {
    InvoiceHistory lost =
        invoice(
            "W",
            "2026-01-01",
            "2026-01-31",
            "1000",
            new Settlement(
                Settlement.Kind.WRITE_OFF,
                new BigDecimal("1000"),
                LocalDate.parse("2026-05-31"),
                null));
    PaymentBehaviour b = PaymentBehaviour.of(AS_OF, "EUR", List.of(lost), CollectionFacts.NONE);
    assertThat(b.writtenOff12Months()).isEqualByComparingTo("1000");
    assertThat(b.writeOffRatio()).isEqualByComparingTo("1");
    assertThat(b.averageDaysLate()).isEqualByComparingTo("150.0");
    assertThat(b.lateInvoices()).isEqualTo(1);
    assertThat(b.exposure()).isEqualByComparingTo("0");
  }

  @Test
  void collectionEventsCountOverTwelveMonths() {
    CollectionFacts facts =
        new CollectionFacts(
            List.of(
                new CollectionFacts.Dispute(LocalDate.parse("2026-06-01"), null, null),
                new CollectionFacts.Dispute(
                    LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"), null)),
            List.of(LocalDate.parse("2026-06-15"), LocalDate.parse("2025-06-30")),
            List.of(LocalDate.parse("2026-01-10")),
            List.of(LocalDate.parse("2026-07-01")));
    PaymentBehaviour b = PaymentBehaviour.of(AS_OF, "EUR", List.of(), facts);
    assertThat(b.disputes12Months()).isEqualTo(1);
    assertThat(b.openDisputes()).isEqualTo(1);
    assertThat(b.brokenPromises12Months()).isEqualTo(1); // 2025-06-30 is exactly 12 months back
    assertThat(b.brokenPlans12Months()).isEqualTo(1);
    assertThat(b.escalations12Months()).isZero(); // after the as-of date
  }
}
