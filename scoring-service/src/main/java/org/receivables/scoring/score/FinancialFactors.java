package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.receivables.scoring.financials.AltmanZ;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.FinancialRatios;

/**
 * The financial statement pillar: Altman Z'' and the balance sheet and income ratios, each along
 * its configured curve and weighted by the pillar's share. The factor names are {@link Factors}'.
 */
final class FinancialFactors {

  private FinancialFactors() {}

  static double points(ScoringConfig.Financials c, Analysis a, double w, List<Reason> out) {
    FinancialRatios r = a.ratios();
    String year = " (fiscal year ending " + a.figures().fiscalYearEnd() + ")";
    double sum = 0;
    AltmanZ z = a.altmanZ();
    if (z != null) {
      sum +=
          Factors.add(
              out,
              Factors.ALTMAN_Z,
              w * c.altmanZ().points(z.score().doubleValue()),
              "Altman Z'' " + z.score().toPlainString() + ", " + z.zone() + " zone" + year);
    }
    sum +=
        Factors.add(
            out,
            Factors.EQUITY_RATIO,
            w * c.equityRatio().points(r.equityRatio().doubleValue()),
            "Equity is " + Factors.pct(r.equityRatio().doubleValue()) + " of total assets" + year);
    sum +=
        ratio(
            out,
            Factors.CURRENT_RATIO,
            w,
            c.currentRatio(),
            r.currentRatio(),
            "Current ratio",
            year);
    sum += ratio(out, Factors.QUICK_RATIO, w, c.quickRatio(), r.quickRatio(), "Quick ratio", year);
    sum +=
        ratio(
            out,
            Factors.INTEREST_COVERAGE,
            w,
            c.interestCoverage(),
            r.interestCoverage(),
            "EBIT covers interest",
            year);
    if (r.netMargin() != null) {
      sum +=
          Factors.add(
              out,
              Factors.NET_MARGIN,
              w * c.netMargin().points(r.netMargin().doubleValue()),
              "Net margin " + Factors.pct(r.netMargin().doubleValue()) + year);
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
    return Factors.add(out, factor, w * curve.points(v.doubleValue()), label + " " + shown + year);
  }
}
