package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.receivables.scoring.behaviour.PaymentBehaviour;

/**
 * The payment behaviour pillar: how the customer has paid us, factor by factor, each along its
 * configured curve and weighted by the pillar's share. The factor names are {@link Factors}'.
 */
final class BehaviourFactors {

  private BehaviourFactors() {}

  static double points(
      ScoringConfig.Behaviour c,
      ScoringConfig.Model model,
      PaymentBehaviour b,
      double w,
      List<Reason> out) {
    double sum = 0;
    if (b.invoicesDue() > 0) {
      BigDecimal flat = b.averageDaysLate();
      BigDecimal weighted = b.recencyWeightedDaysLate(model.recentWeight());
      double flatPts = c.daysLate().points(flat.doubleValue());
      double weightedPts = c.daysLate().points(weighted.doubleValue());
      sum +=
          Factors.add(
              out,
              Factors.PAYMENT_DELAY,
              w * flatPts,
              "Paid on average "
                  + flat.toPlainString()
                  + " days after the due date over the last 12 months (amount-weighted, "
                  + b.invoicesDue()
                  + " invoices fell due)");
      if (b.recentAmount().signum() > 0 && b.earlierAmount().signum() > 0) {
        sum +=
            Factors.add(
                out,
                Factors.PAYMENT_TREND,
                w * (weightedPts - flatPts),
                "Last 3 months: "
                    + b.recentDaysLate().toPlainString()
                    + " days late on average, against "
                    + b.earlierDaysLate().toPlainString()
                    + " in the 9 months before");
      } else {
        sum += w * (weightedPts - flatPts);
      }
      sum +=
          Factors.add(
              out,
              Factors.LATE_SHARE,
              w * c.lateShare().points(b.lateShare().doubleValue()),
              b.lateInvoices()
                  + " of "
                  + b.invoicesDue()
                  + " invoices due in the last 12 months were paid, or are still open, more than "
                  + PaymentBehaviour.LATE_THRESHOLD_DAYS
                  + " days late");
    }
    sum +=
        Factors.add(
            out,
            Factors.OVERDUE_AMOUNT,
            w * c.overdueRatio().points(b.overdueRatio().doubleValue()),
            b.overdue().signum() == 0
                ? "Nothing overdue"
                : b.overdue().setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " overdue, "
                    + Factors.pct(b.overdueRatio().doubleValue())
                    + " of a year's billing");
    sum +=
        Factors.add(
            out,
            Factors.OVERDUE_AGE,
            w * c.oldestOverdueDays().points(b.oldestOverdueDays()),
            b.oldestOverdueDays() == 0
                ? "No overdue invoice"
                : "Oldest overdue invoice is " + b.oldestOverdueDays() + " days past due");
    sum +=
        Factors.add(
            out,
            Factors.DISPUTES,
            w * c.disputes().points(b.disputes12Months()),
            b.disputes12Months()
                + " dispute(s) opened in the last 12 months, "
                + b.openDisputes()
                + " still open");
    sum +=
        Factors.add(
            out,
            Factors.BROKEN_COMMITMENTS,
            w * c.brokenCommitments().points(b.brokenCommitments12Months()),
            b.brokenPromises12Months()
                + " promise(s) to pay and "
                + b.brokenPlans12Months()
                + " payment plan(s) broken in the last 12 months");
    sum +=
        Factors.add(
            out,
            Factors.ESCALATIONS,
            w * c.escalations().points(b.escalations12Months()),
            b.escalations12Months()
                + " escalation(s) beyond reminders (formal notice, agency, legal) in the last 12"
                + " months");
    sum +=
        Factors.add(
            out,
            Factors.WRITE_OFFS,
            w * c.writeOffRatio().points(b.writeOffRatio().doubleValue()),
            b.writtenOff12Months().signum() == 0
                ? "Nothing written off in the last 12 months"
                : b.writtenOff12Months().setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " written off as a loss in the last 12 months");
    sum +=
        Factors.add(
            out,
            Factors.RELATIONSHIP,
            w * c.relationshipMonths().points(b.relationshipMonths()),
            b.firstInvoiceDate() == null
                ? "No invoice yet"
                : "Customer for "
                    + b.relationshipMonths()
                    + " month(s), first invoice "
                    + b.firstInvoiceDate());
    return sum;
  }
}
