package org.receivables.scoring.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.receivables.scoring.hold.HoldRules.PolicyMove;

/** Who may change a hold, and what the credit policy does when the risk class changes. */
class HoldRulesTest {

  private static Optional<CreditHolds.Change> last(boolean onHold, String by) {
    return Optional.of(new CreditHolds.Change(onHold, "why", by, Instant.EPOCH));
  }

  @Test
  void onlyAChangeOfStateIsRecorded() {
    assertThat(HoldRules.changes(false, true)).isTrue();
    assertThat(HoldRules.changes(true, false)).isTrue();
    assertThat(HoldRules.changes(true, true)).isFalse();
    assertThat(HoldRules.changes(false, false)).isFalse();
  }

  @Test
  void enteringAClassThatHoldsPlacesAHold() {
    assertThat(HoldRules.onClassChange(false, true, Optional.empty())).isEqualTo(PolicyMove.PLACE);
    // whoever held before: the policy still records its own reason
    assertThat(HoldRules.onClassChange(false, true, last(true, "alice")))
        .isEqualTo(PolicyMove.PLACE);
  }

  @Test
  void leavingItLiftsOnlyAHoldThePolicyPlaced() {
    assertThat(HoldRules.onClassChange(true, false, last(true, HoldRules.POLICY)))
        .isEqualTo(PolicyMove.LIFT);
    assertThat(HoldRules.onClassChange(true, false, last(true, HoldRules.DUNNING)))
        .isEqualTo(PolicyMove.NONE);
    assertThat(HoldRules.onClassChange(true, false, last(true, "alice")))
        .isEqualTo(PolicyMove.NONE);
    // already released by a person: nothing to lift
    assertThat(HoldRules.onClassChange(true, false, last(false, "alice")))
        .isEqualTo(PolicyMove.NONE);
  }

  @Test
  void movingBetweenClassesThatDoNotHoldChangesNothing() {
    assertThat(HoldRules.onClassChange(false, false, last(true, HoldRules.DUNNING)))
        .isEqualTo(PolicyMove.NONE);
    assertThat(HoldRules.onClassChange(true, true, last(true, HoldRules.POLICY)))
        .isEqualTo(PolicyMove.NONE);
  }
}
