package org.receivables.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;

class ScoreAgingTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
  private static final BigDecimal HUNDRED = new BigDecimal("100.00");

  private static InvoiceHistory invoice(LocalDate issued, LocalDate due, Settlement... paid) {
    return new InvoiceHistory("i", "EUR", issued, due, HUNDRED, null, List.of(paid));
  }

  @Test
  void nothingDatedOnFileNeverAges() {
    assertThat(new ScoreAging(AS_OF).facts(CollectionFacts.NONE).rescoreOn()).isNull();
  }

  @Test
  void anInvoiceOwedPastItsDueDateAgesEveryDay() {
    LocalDate rescore =
        new ScoreAging(AS_OF)
            .invoice(invoice(AS_OF.minusDays(40), AS_OF.minusDays(10)))
            .rescoreOn();
    assertThat(rescore).isEqualTo(AS_OF.plusDays(1));
  }

  @Test
  void anInvoiceNotYetDueAgesAFewDaysBeforeItFallsDue() {
    LocalDate due = AS_OF.plusDays(20);
    LocalDate rescore =
        new ScoreAging(AS_OF).invoice(invoice(AS_OF.minusDays(10), due)).rescoreOn();
    assertThat(rescore).isEqualTo(due.minusDays(ScoreAging.MARGIN_DAYS));
  }

  @Test
  void aPaidInvoiceAgesWhenItLeavesAWindowOrTheRelationshipGrowsAMonth() {
    // issued 2026-05-01, due and paid 2026-05-31: the next edge is the monthly anniversary of
    // the first invoice (2026-07-01), before the 3-month edge of the due date (2026-08-31)
    LocalDate issued = LocalDate.of(2026, 5, 1);
    LocalDate due = LocalDate.of(2026, 5, 31);
    InvoiceHistory paid = invoice(issued, due, Settlement.payment(HUNDRED, due));
    assertThat(new ScoreAging(AS_OF).invoice(paid).rescoreOn())
        .isEqualTo(LocalDate.of(2026, 7, 1).minusDays(ScoreAging.MARGIN_DAYS));
  }

  @Test
  void aPaymentReversedLaterMakesTheInvoiceOwedAgainOnThatDay() {
    LocalDate due = AS_OF.minusDays(10);
    LocalDate reversed = AS_OF.plusDays(9);
    Settlement payment =
        new Settlement(Settlement.Kind.PAYMENT, HUNDRED, AS_OF.minusDays(12), reversed);
    LocalDate rescore =
        new ScoreAging(AS_OF).invoice(invoice(AS_OF.minusDays(15), due, payment)).rescoreOn();
    assertThat(rescore).isEqualTo(reversed.minusDays(ScoreAging.MARGIN_DAYS));
  }

  @Test
  void aCancelledInvoiceOwesNothing() {
    // the same invoice not cancelled ages tomorrow; cancelled, at its next anniversary (06-26)
    InvoiceHistory cancelled =
        new InvoiceHistory(
            "i",
            "EUR",
            AS_OF.minusDays(50),
            AS_OF.minusDays(30),
            HUNDRED,
            AS_OF.minusDays(20),
            List.of());
    assertThat(new ScoreAging(AS_OF).invoice(cancelled).rescoreOn())
        .isEqualTo(LocalDate.of(2026, 6, 26).minusDays(ScoreAging.MARGIN_DAYS));
    InvoiceHistory owed = invoice(cancelled.issueDate(), cancelled.dueDate());
    assertThat(new ScoreAging(AS_OF).invoice(owed).rescoreOn()).isEqualTo(AS_OF.plusDays(1));
  }

  @Test
  void aBrokenPromiseAgesWhenItLeavesTheYear() {
    LocalDate broken = AS_OF.minusMonths(12).plusDays(10);
    CollectionFacts facts = new CollectionFacts(List.of(), List.of(broken), List.of(), List.of());
    assertThat(new ScoreAging(AS_OF).facts(facts).rescoreOn())
        .isEqualTo(broken.plusMonths(12).minusDays(ScoreAging.MARGIN_DAYS));
  }

  @Test
  void aStatementOrRatingAgesWhenItGoesStale() {
    LocalDate yearEnd = LocalDate.of(2024, 12, 31);
    assertThat(new ScoreAging(AS_OF).expires(yearEnd, 24).rescoreOn())
        .isEqualTo(LocalDate.of(2026, 12, 31).minusDays(ScoreAging.MARGIN_DAYS));
  }

  @Test
  void anEdgeWithinTheMarginMeansTomorrow() {
    LocalDate rescore =
        new ScoreAging(AS_OF).expires(AS_OF.minusMonths(12).plusDays(1), 12).rescoreOn();
    assertThat(rescore).isEqualTo(AS_OF.plusDays(1));
  }
}
