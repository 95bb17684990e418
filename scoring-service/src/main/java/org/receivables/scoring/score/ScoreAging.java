package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;

/**
 * The first day a score may differ from the one computed as of {@code asOf} without any new fact:
 * scores age with the date (an unpaid invoice gets older, facts leave the 3- and 12-month windows,
 * the relationship grows a month, statements and ratings go stale). The nightly pass rescores a
 * customer from that day on and skips it before; every new fact rescores at once anyway.
 *
 * <p>It errs early, never late: each window's edge is taken {@value #MARGIN_DAYS} days before it
 * (months of unequal length move an edge by up to three days), and an invoice owed past its due
 * date ages every day.
 */
public final class ScoreAging {

  static final int MARGIN_DAYS = 3;
  private static final int RECENT_MONTHS = 3;
  private static final int YEAR_MONTHS = 12;

  private final LocalDate asOf;
  private LocalDate next;

  public ScoreAging(LocalDate asOf) {
    this.asOf = asOf;
  }

  /** An invoice: its dates and those of its settlements; daily once owed past its due date. */
  public ScoreAging invoice(InvoiceHistory inv) {
    if (owedPastDue(inv)) {
      edge(asOf.plusDays(1));
    }
    dated(inv.issueDate());
    relationshipSince(inv.issueDate());
    dated(inv.dueDate());
    dated(inv.cancelledOn());
    for (Settlement s : inv.settlements()) {
      dated(s.on());
      dated(s.reversedOn());
    }
    return this;
  }

  /** Disputes, broken promises and plans, escalations: each counts for 12 months. */
  public ScoreAging facts(CollectionFacts facts) {
    for (CollectionFacts.Dispute d : facts.disputes()) {
      dated(d.openedOn());
      dated(d.resolvedOn());
    }
    facts.brokenPromises().forEach(this::dated);
    facts.brokenPlans().forEach(this::dated);
    facts.escalations().forEach(this::dated);
    return this;
  }

  /** A statement or rating dated {@code on} that stops counting {@code maxAgeMonths} later. */
  public ScoreAging expires(LocalDate on, int maxAgeMonths) {
    if (on != null) {
      edge(on);
      edge(on.plusMonths(maxAgeMonths));
    }
    return this;
  }

  /**
   * @return the day to rescore from, at the earliest the day after {@code asOf}; null when the
   *     score cannot age (nothing dated on file)
   */
  public LocalDate rescoreOn() {
    if (next == null) {
      return null;
    }
    LocalDate early = next.minusDays(MARGIN_DAYS);
    return early.isAfter(asOf) ? early : asOf.plusDays(1);
  }

  /** A fact dated {@code on}: it enters the windows then, and leaves them 3 and 12 months later. */
  private void dated(LocalDate on) {
    if (on != null) {
      edge(on);
      edge(on.plusMonths(RECENT_MONTHS));
      edge(on.plusMonths(YEAR_MONTHS));
    }
  }

  /**
   * The relationship (and the months a billing average spans) grows on each monthly anniversary of
   * the first invoice; every invoice's anniversaries are edges, whichever the scorecard takes first
   * (it leaves out other currencies).
   */
  private void relationshipSince(LocalDate issued) {
    long months = Math.max(0, ChronoUnit.MONTHS.between(issued, asOf));
    edge(issued.plusMonths(months + 1));
  }

  private void edge(LocalDate day) {
    if (day.isAfter(asOf) && (next == null || day.isBefore(next))) {
      next = day;
    }
  }

  private boolean owedPastDue(InvoiceHistory inv) {
    if (inv.dueDate().isAfter(asOf) || inv.issueDate().isAfter(asOf)) {
      return false;
    }
    if (inv.cancelledOn() != null && !inv.cancelledOn().isAfter(asOf)) {
      return false;
    }
    BigDecimal settled =
        inv.settlements().stream()
            .filter(s -> s.effectiveOn(asOf))
            .map(Settlement::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return inv.total().compareTo(settled) > 0;
  }
}
