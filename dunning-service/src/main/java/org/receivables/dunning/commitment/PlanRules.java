package org.receivables.dunning.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * A payment plan is judged cumulatively: by each instalment's due date plus the grace days, the
 * payments since the plan was agreed must cover that instalment and every earlier one. Paying ahead
 * counts for later instalments. The first instalment missed that way breaks the plan (the day after
 * its grace period); the plan completes when everything is paid.
 */
public final class PlanRules {

  private PlanRules() {}

  /** The state of a plan as of a date, and the day it changed. */
  public record Outcome(PlanStatus status, LocalDate on, BigDecimal paid, BigDecimal remaining)
      implements Commitment.Evaluation<PlanStatus> {}

  public static Outcome evaluate(
      List<Instalment> instalments,
      LocalDate agreedOn,
      int graceDays,
      List<Paid> payments,
      boolean allSettled,
      LocalDate asOf) {
    BigDecimal total =
        instalments.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal paidNow = paidBetween(payments, agreedOn, asOf);
    BigDecimal cumulative = BigDecimal.ZERO;
    for (Instalment i : instalments) {
      cumulative = cumulative.add(i.amount());
      LocalDate deadline = i.dueDate().plusDays(graceDays);
      if (!asOf.isAfter(deadline)) {
        break;
      }
      if (paidBetween(payments, agreedOn, deadline).compareTo(cumulative) < 0
          && !allSettledBy(allSettled, paidNow, total)) {
        return new Outcome(
            PlanStatus.BROKEN,
            deadline.plusDays(1),
            paidNow,
            total.subtract(paidNow).max(BigDecimal.ZERO));
      }
    }
    if (paidNow.compareTo(total) >= 0 || allSettled) {
      return new Outcome(PlanStatus.COMPLETED, asOf, paidNow, BigDecimal.ZERO);
    }
    return new Outcome(PlanStatus.ACTIVE, null, paidNow, total.subtract(paidNow));
  }

  private static boolean allSettledBy(boolean allSettled, BigDecimal paid, BigDecimal total) {
    return allSettled || paid.compareTo(total) >= 0;
  }

  static BigDecimal paidBetween(List<Paid> payments, LocalDate from, LocalDate to) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Paid p : payments) {
      if (!p.on().isBefore(from) && !p.on().isAfter(to)) {
        sum = sum.add(p.amount());
      }
    }
    return sum;
  }

  /** Instalments must be dated in order, after the agreement, and add up to what is owed. */
  public static List<FieldError> validate(
      List<Instalment> instalments, LocalDate agreedOn, BigDecimal owed) {
    List<FieldError> errors = new ArrayList<>();
    if (instalments == null || instalments.isEmpty()) {
      errors.add(new FieldError("instalments", "must list at least one instalment"));
      return errors;
    }
    if (instalments.size() > 120) {
      errors.add(new FieldError("instalments", "must list at most 120 instalments"));
    }
    LocalDate previous = null;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < instalments.size(); k++) {
      Instalment i = instalments.get(k);
      String at = "instalments[" + k + "]";
      if (i == null || i.dueDate() == null) {
        errors.add(new FieldError(at + ".dueDate", "is required"));
        continue;
      }
      if (i.amount() == null || i.amount().signum() <= 0) {
        errors.add(new FieldError(at + ".amount", "must be greater than 0"));
      } else {
        sum = sum.add(i.amount());
      }
      if (agreedOn != null && i.dueDate().isBefore(agreedOn)) {
        errors.add(
            new FieldError(at + ".dueDate", "must not be before the agreement (" + agreedOn + ")"));
      }
      if (previous != null && !i.dueDate().isAfter(previous)) {
        errors.add(new FieldError(at + ".dueDate", "must be after the previous instalment's"));
      }
      previous = i.dueDate();
    }
    if (errors.isEmpty() && owed != null && sum.compareTo(owed) != 0) {
      errors.add(
          new FieldError(
              "instalments",
              "must add up to the outstanding amount "
                  + owed.toPlainString()
                  + ", not "
                  + sum.toPlainString()));
    }
    return errors;
  }
}
