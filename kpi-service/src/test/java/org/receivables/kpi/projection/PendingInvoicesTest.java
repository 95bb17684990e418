package org.receivables.kpi.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An invoice moved in memory ends as the per-event SQL left it: balance, balance at the end of the
 * due date (movements dated on or before it), closing date (the latest entry's once nothing is
 * owed), with one entry per movement; the batch's reads and payments keep their rules.
 */
class PendingInvoicesTest {

  private static final LocalDate ISSUED = LocalDate.of(2026, 5, 1);
  private static final LocalDate DUE = LocalDate.of(2026, 5, 31);

  @Test
  void movementsKeepBalancesAtDueAndClosingDate() {
    PendingInvoices p = new PendingInvoices();
    InvoiceRef invoice = invoice("100.00", ISSUED, DUE);
    p.read(List.of(invoice.invoiceId()), List.of(PendingInvoices.State.issued(invoice)));
    PendingInvoices.Posted paid =
        p.post(invoice.invoiceId(), LocalDate.of(2026, 5, 20), "PAYMENT", amount("-60.00"), "e1");
    assertThat(paid.balance()).isEqualByComparingTo("40.00");
    assertThat(paid.atDue()).isEqualByComparingTo("40.00");
    // paid after the due date: what was owed at the due date stays
    PendingInvoices.Posted late =
        p.post(invoice.invoiceId(), LocalDate.of(2026, 6, 10), "PAYMENT", amount("-40.00"), "e2");
    assertThat(late.balance()).isZero();
    assertThat(late.atDue()).isEqualByComparingTo("40.00");
    PendingInvoices.State s = p.state(invoice.invoiceId());
    assertThat(s.closedOn).isEqualTo(LocalDate.of(2026, 6, 10));
    // a reversal dated earlier than the last entry opens it again; closing keeps the latest date
    p.post(invoice.invoiceId(), LocalDate.of(2026, 6, 1), "PAYMENT_REVERSED", amount("40"), "e3");
    assertThat(s.closedOn).isNull();
    p.post(invoice.invoiceId(), LocalDate.of(2026, 6, 2), "CREDIT_NOTE", amount("-40"), "e4");
    assertThat(s.closedOn).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(p.entries).hasSize(4);
    assertThat(p.movedStates()).containsExactly(s);
    assertThat(s.ref().balance()).isZero();
  }

  @Test
  void anInvoiceIssuedAfterItsDueDateOwedNothingAtIt() {
    PendingInvoices.State s = PendingInvoices.State.issued(invoice("50.00", DUE.plusDays(1), DUE));
    assertThat(s.atDue).isZero();
    assertThat(s.lastEntry).isEqualTo(DUE.plusDays(1));
    assertThat(PendingInvoices.State.issued(invoice("0.00", ISSUED, DUE)).lastEntry).isNull();
  }

  @Test
  void expectedInvoicesAreReadTogetherAndAnAbsentOneOnlyFromAnIssueOfTheBatch() {
    PendingInvoices p = new PendingInvoices();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    p.expect(a);
    p.expect(b);
    assertThat(p.toRead(c)).containsExactly(a, b, c);
    InvoiceRef known = invoice("10.00", ISSUED, DUE, a);
    p.read(List.of(a, b, c), List.of(PendingInvoices.State.issued(known)));
    assertThat(p.state(a)).isNotNull();
    // b and c were not there: not read again while no issue was written
    assertThat(p.toRead(b)).isEmpty();
    assertThat(p.fromIssue(b, null)).isNull();
    InvoiceRef issued = invoice("20.00", ISSUED, DUE, c);
    assertThat(p.fromIssue(c, new PendingAggregates.Issue(issued, "F-1", "e"))).isNotNull();
    assertThat(p.state(c).balance).isEqualByComparingTo("20.00");
    // once the batch's issues are written, b may be there: read again
    p.issuesWritten();
    assertThat(p.toRead(b)).containsExactly(b);
  }

  @Test
  void aPaymentIdKeptTwiceKeepsTheFirstAndAMovementNeedsItsInvoiceRead() {
    PendingInvoices p = new PendingInvoices();
    InvoiceRef invoice = invoice("10.00", ISSUED, DUE);
    p.payment(invoice, "P1", ISSUED, amount("4"));
    p.payment(invoice, "P1", DUE, amount("5"));
    assertThat(p.payments).hasSize(1);
    assertThat(p.paymentDate(invoice.invoiceId(), "P1")).isEqualTo(ISSUED);
    assertThat(p.paymentDate(invoice.invoiceId(), "P2")).isNull();
    assertThatThrownBy(() -> p.post(invoice.invoiceId(), DUE, "PAYMENT", amount("-1"), "e"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(p.hasWrites()).isTrue();
    p.written();
    assertThat(p.hasWrites()).isFalse();
  }

  private static InvoiceRef invoice(String total, LocalDate issued, LocalDate due) {
    return invoice(total, issued, due, UUID.randomUUID());
  }

  private static InvoiceRef invoice(String total, LocalDate issued, LocalDate due, UUID id) {
    return new InvoiceRef(
        id, "t", UUID.randomUUID(), "EUR", issued, due, amount(total), amount(total));
  }

  private static BigDecimal amount(String value) {
    return new BigDecimal(value);
  }
}
