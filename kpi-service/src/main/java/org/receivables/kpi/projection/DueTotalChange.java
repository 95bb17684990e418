package org.receivables.kpi.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one movement of an invoice changes in its due date's row of {@code kpi_due_total}: the
 * balance, the number of open invoices (one while the balance is not zero) and what was owed at the
 * end of the due date (never below zero: an overpayment is not owed back).
 *
 * @param balance change of the balance of invoices due that day
 * @param openCount change of the number of open invoices due that day
 * @param owedAtDue change of what those invoices owed at the end of that day
 */
public record DueTotalChange(BigDecimal balance, int openCount, BigDecimal owedAtDue) {

  /**
   * A movement of {@code amount} dated {@code date}, after which the invoice due on {@code due} has
   * {@code balance} and {@code atDue} (its balance at the end of the due date).
   */
  public static DueTotalChange ofMovement(
      BigDecimal amount, LocalDate date, LocalDate due, BigDecimal balance, BigDecimal atDue) {
    BigDecimal atDueBefore = date.isAfter(due) ? atDue : atDue.subtract(amount);
    return new DueTotalChange(
        amount,
        openCount(balance) - openCount(balance.subtract(amount)),
        owed(atDue).subtract(owed(atDueBefore)));
  }

  /** The invoice leaves its due date's row: everything it counted there is taken out. */
  public static DueTotalChange leaving(BigDecimal balance, BigDecimal atDue) {
    return new DueTotalChange(balance.negate(), -openCount(balance), owed(atDue).negate());
  }

  /** The invoice joins a due date's row with its balance and its balance at that date. */
  public static DueTotalChange joining(BigDecimal balance, BigDecimal atDue) {
    return new DueTotalChange(balance, openCount(balance), owed(atDue));
  }

  /** Both changes, one after the other. */
  public DueTotalChange plus(DueTotalChange other) {
    return new DueTotalChange(
        balance.add(other.balance), openCount + other.openCount, owedAtDue.add(other.owedAtDue));
  }

  /**
   * The day a movement changes the outstanding: no invoice is outstanding before its issue date, so
   * an earlier entry counts from it.
   */
  public static LocalDate outstandingChangeDay(LocalDate entryDate, LocalDate issueDate) {
    return entryDate.isBefore(issueDate) ? issueDate : entryDate;
  }

  private static int openCount(BigDecimal balance) {
    return balance.signum() == 0 ? 0 : 1;
  }

  private static BigDecimal owed(BigDecimal atDue) {
    return atDue.max(BigDecimal.ZERO);
  }
}
