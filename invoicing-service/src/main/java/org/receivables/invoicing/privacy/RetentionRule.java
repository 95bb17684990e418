package org.receivables.invoicing.privacy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.receivables.events.CustomerPersonalDataErased;

/**
 * When a closed account's personal data must go: once the customer has had no open invoice and no
 * activity for longer than the retention period, its name, e-mail and phone are erased. Plain rule,
 * as of an explicit date, so that the scheduled job and its tests agree on every boundary.
 *
 * <p>An account erased on request is erased once more by retention (reason RETENTION), so that
 * replicas drop the evidence they were allowed to keep after a request; after that nothing is due
 * until personal data comes back.
 */
public final class RetentionRule {

  private final Period afterClosure;

  public RetentionRule(Period afterClosure) {
    Objects.requireNonNull(afterClosure, "afterClosure");
    if (afterClosure.isNegative() || afterClosure.isZero()) {
      throw new IllegalArgumentException("The retention period must be positive: " + afterClosure);
    }
    this.afterClosure = afterClosure;
  }

  /**
   * What the rule looks at in one customer's account.
   *
   * @param openInvoices whether any invoice is still owed (OPEN or PARTIALLY_PAID)
   * @param lastActivity the latest of registration, update, invoice issue or closure, payment
   * @param personalData whether a name, e-mail or phone is still held
   * @param lastErasure REQUEST or RETENTION for the last erasure, null if never erased
   */
  public record Account(
      boolean openInvoices, LocalDate lastActivity, boolean personalData, String lastErasure) {}

  /**
   * The latest last activity that is due as of {@code asOf}: the database selects up to it. Not
   * simply {@code asOf - period}: adding months clamps to the month's end (29 February 2016 plus
   * ten years is 28 February 2026), so a few later days may be due too.
   */
  public LocalDate cutoff(LocalDate asOf) {
    LocalDate d = asOf.minus(afterClosure);
    while (!d.plusDays(1).plus(afterClosure).isAfter(asOf)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The first day on which the account's personal data is due for erasure, if nothing changes. */
  public LocalDate erasableFrom(Account account) {
    return account.lastActivity().plus(afterClosure);
  }

  public boolean due(Account account, LocalDate asOf) {
    if (account.openInvoices()) {
      return false;
    }
    if (!account.personalData()
        && CustomerPersonalDataErased.RETENTION.equals(account.lastErasure())) {
      return false;
    }
    return !asOf.isBefore(erasableFrom(account));
  }
}
