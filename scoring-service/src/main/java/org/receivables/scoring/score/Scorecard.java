package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.financials.Analysis;

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
              Factors.HISTORY_DEPTH,
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
                      + Factors.pct(wB)
                      + " instead of "
                      + Factors.pct(behaviourShare)
                      + "; the rest leans on "
                      + leaning(fin, ext)));
    }

    double raw = model.neutralScore();
    if (wB > 0) {
      raw += BehaviourFactors.points(config.behaviour(), config.model(), b, wB, effects);
    }
    if (fin != null) {
      raw += FinancialFactors.points(config.financials(), fin, wF, effects);
    }
    if (ext != null) {
      double pts = config.external().score().points(ext.score().doubleValue());
      raw +=
          Factors.add(
              effects,
              Factors.EXTERNAL_RATING,
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
          Factors.add(
              effects,
              Factors.SECTOR_RISK,
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

  /** The statements the score uses: null when absent or too old. */
  public Analysis currentFinancials(ScoreInputs in) {
    return usableFinancials(in, new ArrayList<>());
  }

  private Analysis usableFinancials(ScoreInputs in, List<Reason> notes) {
    Analysis a = in.financials();
    if (a == null) {
      notes.add(new Reason(Factors.FINANCIAL_STATEMENTS, 0, "No financial statements on file"));
      return null;
    }
    LocalDate limit = in.asOf().minusMonths(config.financials().maxAgeMonths());
    if (a.figures().fiscalYearEnd().isBefore(limit)) {
      notes.add(
          new Reason(
              Factors.FINANCIAL_STATEMENTS,
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
              Factors.EXTERNAL_RATING,
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

  private static String leaning(Analysis fin, ExternalScore ext) {
    if (fin == null && ext == null) {
      return "the neutral start (no statements, no external rating)";
    }
    if (fin != null && ext != null) {
      return "the financial statements and the external rating";
    }
    return fin != null ? "the financial statements" : "the external rating";
  }
}
