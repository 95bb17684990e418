package org.receivables.dunning.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A promise or plan closes once, on the day its rules say, and never reopens. */
class CommitmentStateTest {

  private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

  private static Promise activePromise() {
    Promise p = new Promise();
    p.status = PromiseStatus.ACTIVE;
    p.amount = new BigDecimal("100.00");
    p.currency = "EUR";
    p.invoiceIds = new java.util.ArrayList<>(List.of("a", "b"));
    p.promisedFor = DAY;
    p.madeOn = DAY.minusDays(3);
    return p;
  }

  @Test
  void anActiveOutcomeChangesNothing() {
    Promise p = activePromise();
    assertThat(p.close(new PromiseRules.Outcome(PromiseStatus.ACTIVE, null))).isFalse();
    assertThat(p.status).isEqualTo(PromiseStatus.ACTIVE);
    assertThat(p.closedOn).isNull();
  }

  @Test
  void aKeptPromiseClosesOnTheDayItWasKeptAndStaysClosed() {
    Promise p = activePromise();
    assertThat(p.close(new PromiseRules.Outcome(PromiseStatus.KEPT, DAY))).isTrue();
    assertThat(p.status).isEqualTo(PromiseStatus.KEPT);
    assertThat(p.closedOn).isEqualTo(DAY);
    assertThat(p.close(new PromiseRules.Outcome(PromiseStatus.BROKEN, DAY.plusDays(9)))).isFalse();
    assertThat(p.status).isEqualTo(PromiseStatus.KEPT);
    assertThat(p.view().invoiceIds()).containsExactly("a", "b");
    assertThat(p.view().amount()).isEqualByComparingTo("100.00");
  }

  @Test
  void aBrokenPlanRecordsTheDayAfterItsGraceAndItsViewShowsTheLastInstalment() {
    PaymentPlan p = new PaymentPlan();
    p.status = PlanStatus.ACTIVE;
    p.total = new BigDecimal("300.0000");
    p.currency = "EUR";
    p.instalments =
        List.of(
            new Instalment(DAY, new BigDecimal("100.00")),
            new Instalment(DAY.plusDays(30), new BigDecimal("200.00")));
    PlanRules.Outcome broken =
        new PlanRules.Outcome(PlanStatus.BROKEN, DAY.plusDays(6), BigDecimal.ZERO, p.total);
    assertThat(p.close(broken)).isTrue();
    assertThat(p.status).isEqualTo(PlanStatus.BROKEN);
    assertThat(p.closedOn).isEqualTo(DAY.plusDays(6));
    assertThat(p.view().dueDate()).isEqualTo(DAY.plusDays(30));
    assertThat(p.view().amount()).isEqualByComparingTo("300.00").hasToString("300.00");
  }
}
