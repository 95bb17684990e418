package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.policy.DefaultPolicies;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicyStep;

class StepSelectorTest {

  private static final DunningPolicy STANDARD = DefaultPolicies.standard("t");
  private static final LocalDate DUE = LocalDate.of(2026, 3, 31);

  private static String step(LocalDate asOf, Map<String, LocalDate> done) {
    return StepSelector.select(STANDARD, DUE, asOf, done).map(PolicyStep::code).orElse(null);
  }

  @Test
  void theLadderFollowsTheOffsetsFromTheDueDate() {
    assertThat(step(DUE.minusDays(6), Map.of())).isNull();
    assertThat(step(DUE.minusDays(5), Map.of())).isEqualTo("COURTESY");
    assertThat(step(DUE, Map.of())).isEqualTo("COURTESY");
    assertThat(step(DUE.plusDays(1), Map.of("COURTESY", DUE.minusDays(5)))).isEqualTo("FRIENDLY");
    assertThat(step(DUE.plusDays(10), Map.of("FRIENDLY", DUE.plusDays(1)))).isEqualTo("SECOND");
    assertThat(step(DUE.plusDays(20), Map.of("SECOND", DUE.plusDays(10)))).isEqualTo("CALL");
    assertThat(step(DUE.plusDays(30), Map.of("CALL", DUE.plusDays(20)))).isEqualTo("FORMAL_NOTICE");
    assertThat(step(DUE.plusDays(45), Map.of("FORMAL_NOTICE", DUE.plusDays(30))))
        .isEqualTo("CREDIT_HOLD");
    assertThat(
            step(
                DUE.plusDays(60),
                Map.of("FORMAL_NOTICE", DUE.plusDays(30), "CREDIT_HOLD", DUE.plusDays(45))))
        .isEqualTo("AGENCY");
  }

  @Test
  void anInvoiceStillOpenAfterTheLastStepGetsNothingMore() {
    Map<String, LocalDate> all =
        Map.of(
            "FORMAL_NOTICE", DUE.plusDays(30),
            "CREDIT_HOLD", DUE.plusDays(45),
            "AGENCY", DUE.plusDays(60));
    assertThat(step(DUE.plusDays(61), all)).isNull();
    assertThat(step(DUE.plusDays(400), all)).isNull();
  }

  @Test
  void aLateFirstLookSendsOnlyTheMostAdvancedStepReached() {
    // seen for the first time 12 days late: the second reminder, not the courtesy and friendly ones
    // too
    assertThat(step(DUE.plusDays(12), Map.of())).isEqualTo("SECOND");
  }

  @Test
  void nothingBeyondTheFormalNoticeBeforeTheFormalNotice() {
    // 70 days late and only the friendly reminder so far: the formal notice comes first
    assertThat(step(DUE.plusDays(70), Map.of("FRIENDLY", DUE.plusDays(1))))
        .isEqualTo("FORMAL_NOTICE");
  }

  @Test
  void escalationsAfterTheFormalNoticeAreTakenOneByOne() {
    // 95 days late, formal notice done: credit hold first, even though the agency step is reached
    assertThat(step(DUE.plusDays(95), Map.of("FORMAL_NOTICE", DUE.plusDays(90))))
        .isEqualTo("CREDIT_HOLD");
    assertThat(
            step(
                DUE.plusDays(100),
                Map.of("FORMAL_NOTICE", DUE.plusDays(90), "CREDIT_HOLD", DUE.plusDays(95))))
        .isEqualTo("AGENCY");
  }

  @Test
  void theNextEscalationWaitsForItsOwnDay() {
    // formal notice on day 30, credit hold on day 45: on day 50 the agency (day 60) is not due yet
    Map<String, LocalDate> done =
        Map.of("FORMAL_NOTICE", DUE.plusDays(30), "CREDIT_HOLD", DUE.plusDays(45));
    assertThat(step(DUE.plusDays(50), done)).isNull();
    assertThat(step(DUE.plusDays(59), done)).isNull();
    assertThat(step(DUE.plusDays(60), done)).isEqualTo("AGENCY");
  }

  @Test
  void aStepIsNeverRepeatedNorTheLadderWalkedBack() {
    assertThat(step(DUE.plusDays(3), Map.of("FRIENDLY", DUE.plusDays(1)))).isNull();
    assertThat(step(DUE.plusDays(12), Map.of("SECOND", DUE.plusDays(10)))).isNull();
    // an earlier as-of date than the step already taken does nothing
    assertThat(step(DUE.minusDays(2), Map.of("FRIENDLY", DUE.plusDays(1)))).isNull();
  }

  @Test
  void twoStepsAreAtLeastThePolicysGapApart() {
    // friendly taken late on day 8, second due on day 10: waits for the 5-day gap (day 13)
    assertThat(step(DUE.plusDays(10), Map.of("FRIENDLY", DUE.plusDays(8)))).isNull();
    assertThat(step(DUE.plusDays(13), Map.of("FRIENDLY", DUE.plusDays(8)))).isEqualTo("SECOND");
  }
}
