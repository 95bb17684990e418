package org.receivables.invoicing.einvoice.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.Decision;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.Effect;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.Facts;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.RefusalMeans;
import org.receivables.invoicing.invoice.InvoiceStatus;

class LifecycleRulesTest {

  private static Facts open() {
    return new Facts(InvoiceStatus.OPEN, false, BigDecimal.ZERO, Optional.empty());
  }

  private static Decision platform(LifecycleStatus s, Facts f, RefusalMeans m) {
    return LifecycleRules.forPlatform(s, f, m);
  }

  @Test
  void informativeStatusesChangeNothing() {
    for (LifecycleStatus s :
        new LifecycleStatus[] {
          LifecycleStatus.DEPOSITED,
          LifecycleStatus.APPROVED,
          LifecycleStatus.PAYMENT_SENT,
          LifecycleStatus.REJECTED
        }) {
      assertThat(platform(s, open(), RefusalMeans.CANCEL).effect())
          .as(s.name())
          .isEqualTo(Effect.NONE);
    }
  }

  @Test
  void inDisputeOpensADisputeOnceAndOnlyOnAnOpenInvoice() {
    assertThat(platform(LifecycleStatus.IN_DISPUTE, open(), RefusalMeans.DISPUTE).effect())
        .isEqualTo(Effect.DISPUTE_OPENED);
    Facts disputed = new Facts(InvoiceStatus.OPEN, true, BigDecimal.ZERO, Optional.empty());
    assertThat(platform(LifecycleStatus.IN_DISPUTE, disputed, RefusalMeans.DISPUTE).effect())
        .isEqualTo(Effect.ALREADY_DISPUTED);
    Facts cancelled = new Facts(InvoiceStatus.CANCELLED, false, BigDecimal.ZERO, Optional.empty());
    Decision d = platform(LifecycleStatus.IN_DISPUTE, cancelled, RefusalMeans.DISPUTE);
    assertThat(d.refused()).isTrue();
    assertThat(d.refusalStatus()).isEqualTo(409);
  }

  @Test
  void refusedCancelsOrDisputesAsConfigured() {
    assertThat(platform(LifecycleStatus.REFUSED, open(), RefusalMeans.CANCEL).effect())
        .isEqualTo(Effect.INVOICE_CANCELLED);
    assertThat(platform(LifecycleStatus.REFUSED, open(), RefusalMeans.DISPUTE).effect())
        .isEqualTo(Effect.DISPUTE_OPENED);
  }

  @Test
  void aRefusalOfAnInvoiceWithPaymentsDisputesEvenWhenCancellationIsConfigured() {
    Facts paidPart =
        new Facts(InvoiceStatus.PARTIALLY_PAID, false, new BigDecimal("10"), Optional.empty());
    assertThat(platform(LifecycleStatus.REFUSED, paidPart, RefusalMeans.CANCEL).effect())
        .isEqualTo(Effect.DISPUTE_OPENED);
  }

  @Test
  void paidIsTheLedgersOwn() {
    Decision d = platform(LifecycleStatus.PAID, open(), RefusalMeans.DISPUTE);
    assertThat(d.refused()).isTrue();
    assertThat(d.refusalStatus()).isEqualTo(422);
  }

  @Test
  void nothingFollowsATerminalStatus() {
    Facts refused =
        new Facts(InvoiceStatus.OPEN, true, BigDecimal.ZERO, Optional.of(LifecycleStatus.REFUSED));
    Decision d = platform(LifecycleStatus.APPROVED, refused, RefusalMeans.DISPUTE);
    assertThat(d.refusalStatus()).isEqualTo(409);
    assertThat(d.refusal()).contains("REFUSED (210)");
  }

  @Test
  void paidIsDueWhenTheInvoiceIsSettledAndMoneyWasCollected() {
    assertThat(LifecycleRules.paidStatusDue(InvoiceStatus.PAID, new BigDecimal("10"))).isTrue();
    // settled by a credit note alone: nothing was collected
    assertThat(LifecycleRules.paidStatusDue(InvoiceStatus.PAID, BigDecimal.ZERO)).isFalse();
    assertThat(LifecycleRules.paidStatusDue(InvoiceStatus.PARTIALLY_PAID, new BigDecimal("10")))
        .isFalse();
    assertThat(LifecycleRules.paidStatusDue(InvoiceStatus.WRITTEN_OFF, new BigDecimal("10")))
        .isFalse();
  }

  @Test
  void aReversedPaymentReopensTheLifecycleAfterPaid() {
    Facts reopened =
        new Facts(InvoiceStatus.OPEN, false, BigDecimal.ZERO, Optional.of(LifecycleStatus.PAID));
    assertThat(platform(LifecycleStatus.APPROVED, reopened, RefusalMeans.DISPUTE).effect())
        .isEqualTo(Effect.NONE);
    Facts stillPaid =
        new Facts(
            InvoiceStatus.PAID, false, new BigDecimal("10"), Optional.of(LifecycleStatus.PAID));
    assertThat(platform(LifecycleStatus.APPROVED, stillPaid, RefusalMeans.DISPUTE).refusalStatus())
        .isEqualTo(409);
  }

  @Test
  void statusesParseByNameOrCode() {
    assertThat(LifecycleStatus.parse("210")).contains(LifecycleStatus.REFUSED);
    assertThat(LifecycleStatus.parse("in_dispute")).contains(LifecycleStatus.IN_DISPUTE);
    assertThat(LifecycleStatus.parse("PAID").map(LifecycleStatus::code)).contains("212");
    assertThat(LifecycleStatus.parse("999")).isEmpty();
    assertThat(LifecycleStatus.PAID.label()).isEqualTo("Encaissée");
  }
}
