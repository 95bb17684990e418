package org.receivables.invoicing.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

  private final RetentionRule tenYears = new RetentionRule(Period.parse("P10Y"));
  private final LocalDate lastActivity = LocalDate.of(2016, 3, 31);

  private RetentionRule.Account closed(boolean personalData, String lastErasure) {
    return new RetentionRule.Account(false, lastActivity, personalData, lastErasure);
  }

  @Test
  void aClosedAccountIsDueOnTheDayThePeriodEnds() {
    var account = closed(true, null);
    assertThat(tenYears.erasableFrom(account)).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(tenYears.due(account, LocalDate.of(2026, 3, 30))).isFalse();
    assertThat(tenYears.due(account, LocalDate.of(2026, 3, 31))).isTrue();
    assertThat(tenYears.due(account, LocalDate.of(2031, 1, 1))).isTrue();
  }

  @Test
  void anOpenInvoiceKeepsTheDataHoweverOld() {
    var open = new RetentionRule.Account(true, lastActivity, true, null);
    assertThat(tenYears.due(open, LocalDate.of(2090, 1, 1))).isFalse();
  }

  @Test
  void aRequestErasureIsFollowedByOneRetentionErasureThenNothing() {
    LocalDate late = LocalDate.of(2030, 1, 1);
    // erased on request: replicas may still hold evidence, which retention must end
    assertThat(tenYears.due(closed(false, "REQUEST"), late)).isTrue();
    assertThat(tenYears.due(closed(false, "RETENTION"), late)).isFalse();
    // contact data stored again after an erasure is due again
    assertThat(tenYears.due(closed(true, "RETENTION"), late)).isTrue();
  }

  @Test
  void theCutoffIsTheLatestLastActivityThatIsDueEvenAcrossALeapDay() {
    assertThat(tenYears.cutoff(LocalDate.of(2026, 6, 15))).isEqualTo(LocalDate.of(2016, 6, 15));
    // 29 February 2016 plus ten years is 28 February 2026: due that day, so within the cutoff
    LocalDate asOf = LocalDate.of(2026, 2, 28);
    LocalDate cutoff = tenYears.cutoff(asOf);
    assertThat(cutoff).isEqualTo(LocalDate.of(2016, 2, 29));
    var atCutoff = new RetentionRule.Account(false, cutoff, true, null);
    var dayAfter = new RetentionRule.Account(false, cutoff.plusDays(1), true, null);
    assertThat(tenYears.due(atCutoff, asOf)).isTrue();
    assertThat(tenYears.due(dayAfter, asOf)).isFalse();
  }

  @Test
  void theRetentionPeriodMustBePositive() {
    assertThatThrownBy(() -> new RetentionRule(Period.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionRule(Period.ofYears(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
