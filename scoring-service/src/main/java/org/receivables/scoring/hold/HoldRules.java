package org.receivables.scoring.hold;

import java.util.Optional;

/**
 * Who may change a credit hold, and when the credit policy does. A hold is placed by the policy
 * (entering a class that holds), by dunning or by a credit manager; a hold the policy placed is
 * lifted by the policy when the customer leaves that class, and any other hold stays until a person
 * releases it, so a customer whose history arrives out of order is not left on hold by a passing
 * state, and a hold a person wanted is never lifted by a number.
 */
public final class HoldRules {

  /** Who changes holds on the model's behalf, for the audit trail. */
  public static final String POLICY = "policy";

  public static final String DUNNING = "dunning";

  private HoldRules() {}

  /** What the policy does on a class change. */
  public enum PolicyMove {
    PLACE,
    LIFT,
    NONE
  }

  /** A change is recorded (and announced) only when it changes the state. */
  public static boolean changes(boolean onHoldNow, boolean onHold) {
    return onHoldNow != onHold;
  }

  /**
   * @param heldBefore whether the class the customer left holds credit (false for a first score)
   * @param holdsNow whether the class it entered does
   * @param current the customer's latest hold change, if any
   */
  public static PolicyMove onClassChange(
      boolean heldBefore, boolean holdsNow, Optional<CreditHolds.Change> current) {
    if (holdsNow && !heldBefore) {
      return PolicyMove.PLACE;
    }
    if (!holdsNow
        && heldBefore
        && current.filter(h -> h.onHold() && POLICY.equals(h.changedBy())).isPresent()) {
      return PolicyMove.LIFT;
    }
    return PolicyMove.NONE;
  }
}
