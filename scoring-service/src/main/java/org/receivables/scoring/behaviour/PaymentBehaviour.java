package org.receivables.scoring.behaviour;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How a customer pays, as of one date, from the replica of its invoices and collection events.
 *
 * <p>The lateness measures are built so that paying later can never look better: each invoice
 * falling due in the last 12 months weighs its amount, every paid part counts the days between due
 * date and payment, and every part not paid by the as-of date (open or written off) counts the days
 * it has been late so far. Moving a payment later therefore only ever adds days. Windows follow due
 * dates, not payment dates, so a late payment never slips an invoice out of a window.
 *
 * <p>Amounts are in the customer's currency; invoices in other currencies are left out.
 *
 * @param invoicesFallenDue invoices (not cancelled) that have fallen due so far: the depth of the
 *     history, which does not depend on when anything was paid
 * @param invoicesDue invoices (not cancelled) that fell due in the last 12 months
 * @param recentAmount amount of invoices due in the last 3 months
 * @param recentAmountDaysLate sum of amount × days late over those invoices
 * @param earlierAmount amount of invoices due in the 9 months before
 * @param earlierAmountDaysLate sum of amount × days late over those invoices
 * @param lateInvoices invoices due in the last 12 months settled more than 15 days late, or still
 *     unsettled more than 15 days after their due date
 * @param overdue open amount past its due date (any age)
 * @param oldestOverdueDays days past due of the oldest open overdue invoice, 0 when none
 * @param exposure everything still owed (due or not)
 * @param billed12Months invoiced (incl. tax) in the last 12 months, cancelled invoices excluded
 * @param writtenOff12Months written off as a loss in the last 12 months
 * @param firstInvoiceDate the start of the relationship, null before the first invoice
 */
public record PaymentBehaviour(
    LocalDate asOf,
    int invoicesFallenDue,
    int invoicesDue,
    BigDecimal recentAmount,
    BigDecimal recentAmountDaysLate,
    BigDecimal earlierAmount,
    BigDecimal earlierAmountDaysLate,
    int lateInvoices,
    BigDecimal overdue,
    long oldestOverdueDays,
    BigDecimal exposure,
    BigDecimal billed12Months,
    BigDecimal writtenOff12Months,
    int disputes12Months,
    int openDisputes,
    int brokenPromises12Months,
    int brokenPlans12Months,
    int escalations12Months,
    LocalDate firstInvoiceDate) {

  /** Paid more than this many days after the due date counts as "paid late". */
  public static final int LATE_THRESHOLD_DAYS = 15;

  private static final MathContext MC = MathContext.DECIMAL64;

  public static PaymentBehaviour of(
      LocalDate asOf, String currency, List<InvoiceHistory> invoices, CollectionFacts facts) {
    LocalDate yearStart = asOf.minusMonths(12); // window: (yearStart, asOf]
    LocalDate recentStart = asOf.minusMonths(3); // recent: (recentStart, asOf]
    int fallenDue = 0;
    int due = 0;
    int late = 0;
    BigDecimal recentAmount = BigDecimal.ZERO;
    BigDecimal recentDays = BigDecimal.ZERO;
    BigDecimal earlierAmount = BigDecimal.ZERO;
    BigDecimal earlierDays = BigDecimal.ZERO;
    BigDecimal overdue = BigDecimal.ZERO;
    long oldest = 0;
    BigDecimal exposure = BigDecimal.ZERO;
    BigDecimal billed = BigDecimal.ZERO;
    BigDecimal writtenOff = BigDecimal.ZERO;
    LocalDate first = null;

    for (InvoiceHistory inv : invoices) {
      if (!inv.currency().equals(currency) || inv.issueDate().isAfter(asOf)) {
        continue;
      }
      if (inv.cancelledOn() != null && !inv.cancelledOn().isAfter(asOf)) {
        continue;
      }
      if (first == null || inv.issueDate().isBefore(first)) {
        first = inv.issueDate();
      }
      if (inv.issueDate().isAfter(yearStart)) {
        billed = billed.add(inv.total());
      }
      BigDecimal paid = BigDecimal.ZERO;
      BigDecimal credited = BigDecimal.ZERO;
      BigDecimal lost = BigDecimal.ZERO;
      BigDecimal paidDays = BigDecimal.ZERO;
      LocalDate lastSettled = null;
      for (Settlement s : inv.settlements()) {
        if (!s.effectiveOn(asOf)) {
          continue;
        }
        switch (s.kind()) {
          case PAYMENT -> {
            paid = paid.add(s.amount());
            paidDays = paidDays.add(s.amount().multiply(BigDecimal.valueOf(daysLate(inv, s.on()))));
          }
          case CREDIT_NOTE -> credited = credited.add(s.amount());
          case WRITE_OFF -> {
            lost = lost.add(s.amount());
            if (s.on().isAfter(yearStart)) {
              writtenOff = writtenOff.add(s.amount());
            }
          }
        }
        if (s.kind() != Settlement.Kind.WRITE_OFF
            && (lastSettled == null || s.on().isAfter(lastSettled))) {
          lastSettled = s.on();
        }
      }
      BigDecimal open =
          inv.total().subtract(paid).subtract(credited).subtract(lost).max(BigDecimal.ZERO);
      exposure = exposure.add(open);
      long daysLateNow = daysLate(inv, asOf);
      if (open.signum() > 0 && daysLateNow > 0) {
        overdue = overdue.add(open);
        oldest = Math.max(oldest, daysLateNow);
      }
      if (!inv.dueDate().isAfter(asOf)) {
        fallenDue++;
      }
      boolean inWindow = inv.dueDate().isAfter(yearStart) && !inv.dueDate().isAfter(asOf);
      if (!inWindow) {
        continue;
      }
      due++;
      // unpaid parts (open or lost) are late by the days elapsed so far
      BigDecimal unpaid = open.add(lost);
      BigDecimal amount = paid.add(unpaid);
      BigDecimal days = paidDays.add(unpaid.multiply(BigDecimal.valueOf(daysLateNow)));
      if (inv.dueDate().isAfter(recentStart)) {
        recentAmount = recentAmount.add(amount);
        recentDays = recentDays.add(days);
      } else {
        earlierAmount = earlierAmount.add(amount);
        earlierDays = earlierDays.add(days);
      }
      boolean settled = unpaid.signum() == 0 && lastSettled != null;
      LocalDate settledOrNow = settled ? lastSettled : asOf;
      if (amount.signum() > 0
          && ChronoUnit.DAYS.between(inv.dueDate(), settledOrNow) > LATE_THRESHOLD_DAYS) {
        late++;
      }
    }

    int disputes = 0;
    int openDisputes = 0;
    for (CollectionFacts.Dispute d : facts.disputes()) {
      if (d.openedOn().isAfter(yearStart) && !d.openedOn().isAfter(asOf)) {
        disputes++;
      }
      if (d.openOn(asOf)) {
        openDisputes++;
      }
    }
    return new PaymentBehaviour(
        asOf,
        fallenDue,
        due,
        recentAmount,
        recentDays,
        earlierAmount,
        earlierDays,
        late,
        overdue,
        oldest,
        exposure,
        billed,
        writtenOff,
        disputes,
        openDisputes,
        countIn(facts.brokenPromises(), yearStart, asOf),
        countIn(facts.brokenPlans(), yearStart, asOf),
        countIn(facts.escalations(), yearStart, asOf),
        first);
  }

  private static long daysLate(InvoiceHistory inv, LocalDate paidOn) {
    return Math.max(0, ChronoUnit.DAYS.between(inv.dueDate(), paidOn));
  }

  private static int countIn(List<LocalDate> dates, LocalDate after, LocalDate upTo) {
    return (int) dates.stream().filter(d -> d.isAfter(after) && !d.isAfter(upTo)).count();
  }

  /** Amount-weighted average days late over the 12 months, every month weighing the same. */
  public BigDecimal averageDaysLate() {
    return average(
        recentAmountDaysLate.add(earlierAmountDaysLate), recentAmount.add(earlierAmount));
  }

  /** Average days late of invoices due in the last 3 months. */
  public BigDecimal recentDaysLate() {
    return average(recentAmountDaysLate, recentAmount);
  }

  /** Average days late of invoices due in the 9 months before the last 3. */
  public BigDecimal earlierDaysLate() {
    return average(earlierAmountDaysLate, earlierAmount);
  }

  /**
   * Average days late where invoices due in the last 3 months weigh {@code recentWeight} times as
   * much as older ones: the score's lateness measure, which lets the trend count without ever
   * rewarding a later payment.
   */
  public BigDecimal recencyWeightedDaysLate(BigDecimal recentWeight) {
    return average(
        recentAmountDaysLate.multiply(recentWeight).add(earlierAmountDaysLate),
        recentAmount.multiply(recentWeight).add(earlierAmount));
  }

  /** Share of the invoices due in the last 12 months that were (or still are) over 15 days late. */
  public BigDecimal lateShare() {
    return invoicesDue == 0
        ? BigDecimal.ZERO
        : BigDecimal.valueOf(lateInvoices)
            .divide(BigDecimal.valueOf(invoicesDue), 4, RoundingMode.HALF_UP);
  }

  /** Overdue against a year of billing, capped at 1 (all of it). */
  public BigDecimal overdueRatio() {
    BigDecimal base = billed12Months.max(overdue);
    return base.signum() == 0 ? BigDecimal.ZERO : overdue.divide(base, 4, RoundingMode.HALF_UP);
  }

  /** Written off against a year of billing, capped at 1. */
  public BigDecimal writeOffRatio() {
    BigDecimal base = billed12Months.max(writtenOff12Months);
    return base.signum() == 0
        ? BigDecimal.ZERO
        : writtenOff12Months.divide(base, 4, RoundingMode.HALF_UP);
  }

  public int brokenCommitments12Months() {
    return brokenPromises12Months + brokenPlans12Months;
  }

  /** Whole months since the first invoice, 0 before it. */
  public long relationshipMonths() {
    return firstInvoiceDate == null ? 0 : ChronoUnit.MONTHS.between(firstInvoiceDate, asOf);
  }

  /** Average monthly billing over the months of the last year the relationship has existed. */
  public BigDecimal monthlyBilling() {
    long months = Math.min(12, Math.max(1, relationshipMonths()));
    return billed12Months.divide(BigDecimal.valueOf(months), MC);
  }

  private static BigDecimal average(BigDecimal amountDays, BigDecimal amount) {
    return amount.signum() == 0
        ? BigDecimal.ZERO
        : amountDays.divide(amount, 1, RoundingMode.HALF_UP);
  }
}
