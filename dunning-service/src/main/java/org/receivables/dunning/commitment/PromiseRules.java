package org.receivables.dunning.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A promise to pay is kept when what was paid on its invoices from the day it was made reaches the
 * promised amount (or nothing is owed on them any more) by the promised date plus the grace days;
 * it is broken the day after that deadline otherwise. While neither, it pauses dunning.
 */
public final class PromiseRules {

  private PromiseRules() {}

  /** The state of a promise as of a date, and the day it changed. */
  public record Outcome(PromiseStatus status, LocalDate on)
      implements Commitment.Evaluation<PromiseStatus> {}

  public static Outcome evaluate(
      BigDecimal amount,
      LocalDate madeOn,
      LocalDate promisedFor,
      int graceDays,
      List<Paid> payments,
      boolean allSettled,
      LocalDate asOf) {
    LocalDate deadline = promisedFor.plusDays(graceDays);
    BigDecimal paid = BigDecimal.ZERO;
    for (Paid p :
        payments.stream()
            .filter(p -> !p.on().isBefore(madeOn) && !p.on().isAfter(asOf))
            .sorted(Comparator.comparing(Paid::on))
            .toList()) {
      paid = paid.add(p.amount());
      if (paid.compareTo(amount) >= 0 && !p.on().isAfter(deadline)) {
        return new Outcome(PromiseStatus.KEPT, p.on());
      }
    }
    if (allSettled) {
      return new Outcome(PromiseStatus.KEPT, asOf.isAfter(deadline) ? deadline : asOf);
    }
    if (asOf.isAfter(deadline)) {
      return new Outcome(PromiseStatus.BROKEN, deadline.plusDays(1));
    }
    return new Outcome(PromiseStatus.ACTIVE, null);
  }
}
