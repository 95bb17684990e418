package org.receivables.kpi.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueTotalChangeTest {

  private static final LocalDate DUE = LocalDate.of(2026, 5, 31);

  @Test
  void issuingOpensTheInvoiceAndCountsItOwedAtItsDueDate() {
    DueTotalChange c =
        DueTotalChange.ofMovement(money("500"), DUE.minusDays(30), DUE, money("500"), money("500"));
    assertThat(c.balance()).isEqualByComparingTo("500");
    assertThat(c.openCount()).isEqualTo(1);
    assertThat(c.owedAtDue()).isEqualByComparingTo("500");
  }

  @Test
  void aFullPaymentBeforeDueClosesItAndLowersWhatWasOwedAtDue() {
    DueTotalChange c =
        DueTotalChange.ofMovement(money("-500"), DUE.minusDays(1), DUE, money("0"), money("0"));
    assertThat(c.balance()).isEqualByComparingTo("-500");
    assertThat(c.openCount()).isEqualTo(-1);
    assertThat(c.owedAtDue()).isEqualByComparingTo("-500");
  }

  @Test
  void aLatePaymentChangesTheBalanceButNotWhatWasOwedAtDue() {
    DueTotalChange c =
        DueTotalChange.ofMovement(money("-200"), DUE.plusDays(10), DUE, money("300"), money("500"));
    assertThat(c.balance()).isEqualByComparingTo("-200");
    assertThat(c.openCount()).isZero();
    assertThat(c.owedAtDue()).isEqualByComparingTo("0");
  }

  @Test
  void anOverpaymentIsNotOwedBackAtDue() {
    // 500 owed, 600 paid before due: at most the 500 leave what was owed
    DueTotalChange c =
        DueTotalChange.ofMovement(
            money("-600"), DUE.minusDays(5), DUE, money("-100"), money("-100"));
    assertThat(c.openCount()).isZero();
    assertThat(c.owedAtDue()).isEqualByComparingTo("-500");
  }

  @Test
  void movingTheDueDateTakesEverythingOutOfTheOldRowAndIntoTheNew() {
    DueTotalChange out = DueTotalChange.leaving(money("700"), money("700"));
    DueTotalChange in = DueTotalChange.joining(money("700"), money("0"));
    assertThat(out.balance().add(in.balance())).isEqualByComparingTo("0");
    assertThat(out.openCount() + in.openCount()).isZero();
    assertThat(out.owedAtDue()).isEqualByComparingTo("-700");
    assertThat(in.owedAtDue()).isEqualByComparingTo("0");
  }

  @Test
  void anEntryBeforeTheIssueDateChangesTheOutstandingFromTheIssueDate() {
    LocalDate issue = LocalDate.of(2026, 4, 1);
    assertThat(DueTotalChange.outstandingChangeDay(issue.minusDays(3), issue)).isEqualTo(issue);
    assertThat(DueTotalChange.outstandingChangeDay(issue.plusDays(3), issue))
        .isEqualTo(issue.plusDays(3));
  }

  private static BigDecimal money(String v) {
    return new BigDecimal(v);
  }
}
