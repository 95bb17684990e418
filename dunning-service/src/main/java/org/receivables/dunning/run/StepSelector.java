package org.receivables.dunning.run;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.policy.StepAction;

/**
 * Which step an invoice is due for on a date. Only the most advanced step reached counts, so an
 * invoice first seen late does not receive every earlier reminder at once; an invoice never goes
 * back down the ladder; nothing past the formal notice happens before the formal notice, and the
 * escalations after it (credit hold, agency, legal) are taken one by one, never skipped nor before
 * their own day; and two steps on one invoice are at least the policy's gap apart. A run for an
 * earlier date than a step already taken therefore does nothing.
 */
public final class StepSelector {

  private StepSelector() {}

  /**
   * @param done the steps already taken on this invoice, code to the as-of date they were taken
   */
  public static Optional<PolicyStep> select(
      DunningPolicy policy, LocalDate dueDate, LocalDate asOf, Map<String, LocalDate> done) {
    long daysLate = ChronoUnit.DAYS.between(dueDate, asOf);
    List<PolicyStep> steps = policy.steps();
    int reached = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).offsetDays() <= daysLate) {
        reached = i;
      }
    }
    if (reached < 0) {
      return Optional.empty();
    }
    int lastDone = -1;
    LocalDate lastDoneOn = null;
    for (Map.Entry<String, LocalDate> e : done.entrySet()) {
      lastDone = Math.max(lastDone, policy.indexOf(e.getKey()));
      if (lastDoneOn == null || e.getValue().isAfter(lastDoneOn)) {
        lastDoneOn = e.getValue();
      }
    }
    if (lastDoneOn != null && asOf.isBefore(lastDoneOn.plusDays(policy.minGapDays()))) {
      return Optional.empty();
    }
    int candidate = reached;
    int notice = formalNoticeIndex(steps);
    if (notice >= 0 && candidate > notice) {
      candidate =
          done.containsKey(steps.get(notice).code()) ? Math.max(lastDone + 1, notice + 1) : notice;
    }
    if (candidate <= lastDone || candidate > reached) {
      // nothing new, or past the formal notice with the next escalation's day not come yet (or
      // every escalation already taken)
      return Optional.empty();
    }
    return Optional.of(steps.get(candidate));
  }

  static int formalNoticeIndex(List<PolicyStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).has(StepAction.FORMAL_NOTICE)) {
        return i;
      }
    }
    return -1;
  }
}
