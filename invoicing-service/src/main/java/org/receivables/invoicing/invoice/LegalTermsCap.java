package org.receivables.invoicing.invoice;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The French cap on payment terms (Code de commerce, article L441-10 I): at most 60 days from the
 * invoice date, or 45 days end of month. Terms beyond it are accepted, since the invoice exists,
 * but flagged so that the seller can correct its contracts.
 *
 * <p>A due date complies when it falls on or before the latest of the three lawful limits: issue +
 * 60 days, issue + 45 days then end of month, end of month then + 45 days.
 */
public final class LegalTermsCap {

  static final int MAX_DAYS = 60;
  static final int MAX_DAYS_END_OF_MONTH = 45;

  private LegalTermsCap() {}

  public static LocalDate latestCompliantDueDate(LocalDate issueDate) {
    LocalDate net = issueDate.plusDays(MAX_DAYS);
    LocalDate daysThenEom =
        issueDate.plusDays(MAX_DAYS_END_OF_MONTH).with(TemporalAdjusters.lastDayOfMonth());
    LocalDate eomThenDays =
        issueDate.with(TemporalAdjusters.lastDayOfMonth()).plusDays(MAX_DAYS_END_OF_MONTH);
    LocalDate latest = net.isAfter(daysThenEom) ? net : daysThenEom;
    return latest.isAfter(eomThenDays) ? latest : eomThenDays;
  }

  /** The warning to show, or empty when the due date complies. */
  public static Optional<String> check(LocalDate issueDate, LocalDate dueDate) {
    LocalDate latest = latestCompliantDueDate(issueDate);
    if (!dueDate.isAfter(latest)) {
      return Optional.empty();
    }
    return Optional.of(
        "Due date "
            + dueDate
            + " exceeds the French legal maximum (Code de commerce L441-10: 60 days from the invoice"
            + " date or 45 days end of month); the latest compliant due date is "
            + latest);
  }
}
