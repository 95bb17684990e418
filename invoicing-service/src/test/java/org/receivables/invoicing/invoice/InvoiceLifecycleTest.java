package org.receivables.invoicing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.invoicing.invoice.InvoiceLifecycle.Operation.CANCEL;
import static org.receivables.invoicing.invoice.InvoiceLifecycle.Operation.CHANGE_DUE_DATE;
import static org.receivables.invoicing.invoice.InvoiceLifecycle.Operation.ISSUE_CREDIT_NOTE;
import static org.receivables.invoicing.invoice.InvoiceLifecycle.Operation.OPEN_DISPUTE;
import static org.receivables.invoicing.invoice.InvoiceLifecycle.Operation.PAY;
import static org.receivables.invoicing.invoice.InvoiceLifecycle.Operation.REVERSE_PAYMENT;
import static org.receivables.invoicing.invoice.InvoiceLifecycle.Operation.WRITE_OFF;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.invoice.InvoiceLifecycle.Operation;

class InvoiceLifecycleTest {

  private static final BigDecimal NOTHING = BigDecimal.ZERO;

  private static Set<Operation> allowed(InvoiceStatus status, BigDecimal paid) {
    Set<Operation> allowed = EnumSet.noneOf(Operation.class);
    for (Operation op : Operation.values()) {
      if (InvoiceLifecycle.refusal(status, op, paid).isEmpty()) {
        allowed.add(op);
      }
    }
    return allowed;
  }

  @Test
  void anOpenInvoiceAllowsEverything() {
    assertThat(allowed(InvoiceStatus.OPEN, NOTHING)).containsExactlyInAnyOrder(Operation.values());
  }

  @Test
  void aPartiallyPaidInvoiceCannotBeCancelled() {
    assertThat(allowed(InvoiceStatus.PARTIALLY_PAID, new BigDecimal("10")))
        .containsExactlyInAnyOrder(
            PAY, REVERSE_PAYMENT, WRITE_OFF, ISSUE_CREDIT_NOTE, OPEN_DISPUTE, CHANGE_DUE_DATE);
    assertThat(InvoiceLifecycle.refusal(InvoiceStatus.PARTIALLY_PAID, CANCEL, BigDecimal.TEN))
        .hasValueSatisfying(r -> assertThat(r).contains("credit note"));
  }

  @Test
  void anOpenInvoiceWithAPaymentCannotBeCancelledEither() {
    // e.g. OPEN again after a reversal, but with another payment still standing
    assertThat(InvoiceLifecycle.refusal(InvoiceStatus.OPEN, CANCEL, BigDecimal.ONE)).isPresent();
  }

  @Test
  void aPaidInvoiceOnlyAllowsReversingAPayment() {
    assertThat(allowed(InvoiceStatus.PAID, BigDecimal.TEN)).containsExactly(REVERSE_PAYMENT);
  }

  @Test
  void closedInvoicesAllowNothing() {
    assertThat(allowed(InvoiceStatus.CANCELLED, NOTHING)).isEmpty();
    assertThat(allowed(InvoiceStatus.WRITTEN_OFF, BigDecimal.TEN)).isEmpty();
    assertThat(InvoiceLifecycle.refusal(InvoiceStatus.CANCELLED, PAY, NOTHING))
        .hasValue("a CANCELLED invoice cannot take a payment");
  }

  @Test
  void settlementFiguresGiveTheStatus() {
    BigDecimal total = new BigDecimal("1200.00");
    assertThat(InvoiceLifecycle.afterSettlement(total, NOTHING, NOTHING))
        .isEqualTo(InvoiceStatus.OPEN);
    assertThat(InvoiceLifecycle.afterSettlement(total, new BigDecimal("0.01"), NOTHING))
        .isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(InvoiceLifecycle.afterSettlement(total, new BigDecimal("1200.00"), NOTHING))
        .isEqualTo(InvoiceStatus.PAID);
    // 2 % discount granted on the rest
    assertThat(
            InvoiceLifecycle.afterSettlement(
                total, new BigDecimal("1176.00"), new BigDecimal("24")))
        .isEqualTo(InvoiceStatus.PAID);
    // a credit note alone lowers what is owed but nothing was paid
    assertThat(InvoiceLifecycle.afterSettlement(total, NOTHING, new BigDecimal("200")))
        .isEqualTo(InvoiceStatus.OPEN);
    // a credit note for everything settles it
    assertThat(InvoiceLifecycle.afterSettlement(total, NOTHING, total))
        .isEqualTo(InvoiceStatus.PAID);
    // reversal back to nothing paid
    assertThat(InvoiceLifecycle.afterSettlement(new BigDecimal("1104"), NOTHING, NOTHING))
        .isEqualTo(InvoiceStatus.OPEN);
  }
}
