package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.financials.AltmanZ;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.FinancialRatios;

/**
 * The explainable scorecard. Three pillars (payment behaviour, financial statements, external
 * rating) each earn points per factor along a configured {@link Curve}; a pillar's points count
 * with the pillar's weight; the score is the neutral start plus every weighted effect plus the
 * sector adjustment, clamped to 0-1000. Each effect is reported as a {@link Reason}, so the reasons
 * add up to the score (up to rounding and the clamp).
 *
 * <p>Missing pillars hand their weight to the present ones. A short history (fewer invoices fallen
 * due than {@code min-history-invoices}) scales payment behaviour down in proportion and hands the
 * rest to the statements and the rating, or, when there are none, to the neutral start.
 *
 * <p>Every curve is monotone and no weight depends on when a payment was made or on how large
 * equity is, which is what makes "paying later never helps, more equity never hurts" hold.
 */
public final class Scorecard {

  private final ScoringConfig config;

  public Scorecard(ScoringConfig config) {
    this.config = config;
  }

  public ScoreResult score(ScoreInputs in) {
    ScoringConfig.Model model = config.model();
    PaymentBehaviour b = in.behaviour();
    List<Reason> notes = new ArrayList<>();
    List<Reason> effects = new ArrayList<>();

    Analysis fin = usableFinancials(in, notes);
    ExternalScore ext = usableExternal(in, notes);
    int history = b.invoicesFallenDue();
    double credibility = Math.min(1.0, history / (double) Math.max(1, model.minHistoryInvoices()));

    double missing =
        (fin == null ? model.financialsWeight() : 0) + (ext == null ? model.externalWeight() : 0);
    double behaviourShare = model.behaviourWeight() + missing;
    double wB = credibility * behaviourShare;
    double rest = (1 - credibility) * behaviourShare;
    double present =
        (fin == null ? 0 : model.financialsWeight()) + (ext == null ? 0 : model.externalWeight());
    double wF =
        fin == null ? 0 : model.financialsWeight() + rest * model.financialsWeight() / present;
    double wE = ext == null ? 0 : model.externalWeight() + rest * model.externalWeight() / present;
    double wN = present == 0 ? rest : 0;

    if (credibility < 1) {
      notes.add(
          0,
          new Reason(
              "historyDepth",
              0,
              history == 0
                  ? "No invoice has fallen due yet: payment behaviour cannot count; the score leans"
                      + " on "
                      + leaning(fin, ext)
                  : "Only "
                      + history
                      + " invoice(s) have fallen due ("
                      + model.minHistoryInvoices()
                      + " wanted): payment behaviour counts "
                      + pct(wB)
                      + " instead of "
                      + pct(behaviourShare)
                      + "; the rest leans on "
                      + leaning(fin, ext)));
    }

    double raw = model.neutralScore();
    if (wB > 0) {
      raw += behaviour(b, wB, effects);
    }
    if (fin != null) {
      raw += financials(fin, wF, effects);
    }
    if (ext != null) {
      double pts = config.external().score().points(ext.score().doubleValue());
      raw +=
          add(
              effects,
              "externalRating",
              wE * pts,
              ext.source()
                  + (ext.rating() == null ? "" : " rating " + ext.rating())
                  + ", score "
                  + ext.score().stripTrailingZeros().toPlainString()
                  + "/100 on "
                  + ext.ratedOn());
    }
    if (in.sectorRisk() != null) {
      int pts =
          switch (in.sectorRisk()) {
            case LOW -> config.sector().low();
            case MEDIUM -> config.sector().medium();
            case HIGH -> config.sector().high();
            case VERY_HIGH -> config.sector().veryHigh();
          };
      raw +=
          add(
              effects,
              "sectorRisk",
              pts,
              "Sector '" + in.sector() + "' is rated " + in.sectorRisk() + " risk by this tenant");
    }

    int score = (int) Math.max(0, Math.min(1000, Math.round(raw)));
    effects.sort(Comparator.comparingInt((Reason r) -> -Math.abs(r.effect())));
    List<Reason> reasons = new ArrayList<>(notes);
    reasons.addAll(effects);
    return new ScoreResult(
        score,
        riskClass(score),
        probabilityOfDefault(score),
        List.copyOf(reasons),
        new ScoreResult.Weights(wB, wF, wE, wN));
  }

  public RiskClass riskClass(int score) {
    ScoringConfig.Classes c = config.classes();
    if (score >= c.a()) {
      return RiskClass.A;
    }
    if (score >= c.b()) {
      return RiskClass.B;
    }
    if (score >= c.c()) {
      return RiskClass.C;
    }
    return score >= c.d() ? RiskClass.D : RiskClass.E;
  }

  /** Log-odds of default fall linearly with the score: 50 % at the anchor, halved every PDO. */
  public BigDecimal probabilityOfDefault(int score) {
    double slope = Math.log(2) / config.pd().pointsToDoubleOdds();
    double pd = 1 / (1 + Math.exp((score - config.pd().anchorScore()) * slope));
    return BigDecimal.valueOf(pd).setScale(4, RoundingMode.HALF_UP);
  }

  private double behaviour(PaymentBehaviour b, double w, List<Reason> out) {
    ScoringConfig.Behaviour c = config.behaviour();
    double sum = 0;
    if (b.invoicesDue() > 0) {
      BigDecimal flat = b.averageDaysLate();
      BigDecimal weighted = b.recencyWeightedDaysLate(config.model().recentWeight());
      double flatPts = c.daysLate().points(flat.doubleValue());
      double weightedPts = c.daysLate().points(weighted.doubleValue());
      sum +=
          add(
              out,
              "paymentDelay",
              w * flatPts,
              "Paid on average "
                  + flat.toPlainString()
                  + " days after the due date over the last 12 months (amount-weighted, "
                  + b.invoicesDue()
                  + " invoices fell due)");
      if (b.recentAmount().signum() > 0 && b.earlierAmount().signum() > 0) {
        sum +=
            add(
                out,
                "paymentTrend",
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
          add(
              out,
              "lateShare",
              w * c.lateShare().points(b.lateShare().doubleValue()),
              b.lateInvoices()
                  + " of "
                  + b.invoicesDue()
                  + " invoices due in the last 12 months were paid, or are still open, more than "
                  + PaymentBehaviour.LATE_THRESHOLD_DAYS
                  + " days late");
    }
    sum +=
        add(
            out,
            "overdueAmount",
            w * c.overdueRatio().points(b.overdueRatio().doubleValue()),
            b.overdue().signum() == 0
                ? "Nothing overdue"
                : b.overdue().setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " overdue, "
                    + pct(b.overdueRatio().doubleValue())
                    + " of a year's billing");
    sum +=
        add(
            out,
            "overdueAge",
            w * c.oldestOverdueDays().points(b.oldestOverdueDays()),
            b.oldestOverdueDays() == 0
                ? "No overdue invoice"
                : "Oldest overdue invoice is " + b.oldestOverdueDays() + " days past due");
    sum +=
        add(
            out,
            "disputes",
            w * c.disputes().points(b.disputes12Months()),
            b.disputes12Months()
                + " dispute(s) opened in the last 12 months, "
                + b.openDisputes()
                + " still open");
    sum +=
        add(
            out,
            "brokenCommitments",
            w * c.brokenCommitments().points(b.brokenCommitments12Months()),
            b.brokenPromises12Months()
                + " promise(s) to pay and "
                + b.brokenPlans12Months()
                + " payment plan(s) broken in the last 12 months");
    sum +=
        add(
            out,
            "escalations",
            w * c.escalations().points(b.escalations12Months()),
            b.escalations12Months()
                + " escalation(s) beyond reminders (formal notice, agency, legal) in the last 12"
                + " months");
    sum +=
        add(
            out,
            "writeOffs",
            w * c.writeOffRatio().points(b.writeOffRatio().doubleValue()),
            b.writtenOff12Months().signum() == 0
                ? "Nothing written off in the last 12 months"
                : b.writtenOff12Months().setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " written off as a loss in the last 12 months");
    sum +=
        add(
            out,
            "relationship",
            w * c.relationshipMonths().points(b.relationshipMonths()),
            b.firstInvoiceDate() == null
                ? "No invoice yet"
                : "Customer for "
                    + b.relationshipMonths()
                    + " month(s), first invoice "
                    + b.firstInvoiceDate());
    return sum;
  }

  private double financials(Analysis a, double w, List<Reason> out) {
    ScoringConfig.Financials c = config.financials();
    FinancialRatios r = a.ratios();
    String year = " (fiscal year ending " + a.figures().fiscalYearEnd() + ")";
    double sum = 0;
    AltmanZ z = a.altmanZ();
    if (z != null) {
      sum +=
          add(
              out,
              "altmanZ",
              w * c.altmanZ().points(z.score().doubleValue()),
              "Altman Z'' " + z.score().toPlainString() + ", " + z.zone() + " zone" + year);
    }
    sum +=
        add(
            out,
            "equityRatio",
            w * c.equityRatio().points(r.equityRatio().doubleValue()),
            "Equity is " + pct(r.equityRatio().doubleValue()) + " of total assets" + year);
    sum += ratio(out, "currentRatio", w, c.currentRatio(), r.currentRatio(), "Current ratio", year);
    sum += ratio(out, "quickRatio", w, c.quickRatio(), r.quickRatio(), "Quick ratio", year);
    sum +=
        ratio(
            out,
            "interestCoverage",
            w,
            c.interestCoverage(),
            r.interestCoverage(),
            "EBIT covers interest",
            year);
    if (r.netMargin() != null) {
      sum +=
          add(
              out,
              "netMargin",
              w * c.netMargin().points(r.netMargin().doubleValue()),
              "Net margin " + pct(r.netMargin().doubleValue()) + year);
    }
    return sum;
  }

  private static double ratio(
      List<Reason> out,
      String factor,
      double w,
      Curve curve,
      BigDecimal v,
      String label,
      String year) {
    if (v == null) {
      return 0;
    }
    String shown =
        v.compareTo(FinancialRatios.UNLIMITED) >= 0
            ? "without limit"
            : v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "×";
    return add(out, factor, w * curve.points(v.doubleValue()), label + " " + shown + year);
  }

  /** The statements the score uses: null when absent or too old. */
  public Analysis currentFinancials(ScoreInputs in) {
    return usableFinancials(in, new ArrayList<>());
  }

  private Analysis usableFinancials(ScoreInputs in, List<Reason> notes) {
    Analysis a = in.financials();
    if (a == null) {
      notes.add(new Reason("financialStatements", 0, "No financial statements on file"));
      return null;
    }
    LocalDate limit = in.asOf().minusMonths(config.financials().maxAgeMonths());
    if (a.figures().fiscalYearEnd().isBefore(limit)) {
      notes.add(
          new Reason(
              "financialStatements",
              0,
              "Latest statements (fiscal year ending "
                  + a.figures().fiscalYearEnd()
                  + ") are older than "
                  + config.financials().maxAgeMonths()
                  + " months and no longer count"));
      return null;
    }
    return a;
  }

  private ExternalScore usableExternal(ScoreInputs in, List<Reason> notes) {
    ExternalScore e = in.external();
    if (e == null) {
      return null;
    }
    if (e.ratedOn().isBefore(in.asOf().minusMonths(config.external().maxAgeMonths()))) {
      notes.add(
          new Reason(
              "externalRating",
              0,
              "External rating of "
                  + e.ratedOn()
                  + " is older than "
                  + config.external().maxAgeMonths()
                  + " months and no longer counts"));
      return null;
    }
    return e;
  }

  private static double add(List<Reason> out, String factor, double effect, String detail) {
    out.add(new Reason(factor, (int) Math.round(effect), detail));
    return effect;
  }

  private static String leaning(Analysis fin, ExternalScore ext) {
    if (fin == null && ext == null) {
      return "the neutral start (no statements, no external rating)";
    }
    if (fin != null && ext != null) {
      return "the financial statements and the external rating";
    }
    return fin != null ? "the financial statements" : "the external rating";
  }

  private static String pct(double share) {
    return BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
  }
}
