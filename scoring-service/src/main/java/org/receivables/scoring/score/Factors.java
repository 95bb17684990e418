package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Every factor the score reports in {@code reasons.factor}, by name, in one place (docs/scoring.md
 * lists them with their curves). Notes with effect 0 use the same names as the factor they are
 * about.
 */
public final class Factors {

  // payment behaviour (BehaviourFactors)
  public static final String PAYMENT_DELAY = "paymentDelay";
  public static final String PAYMENT_TREND = "paymentTrend";
  public static final String LATE_SHARE = "lateShare";
  public static final String OVERDUE_AMOUNT = "overdueAmount";
  public static final String OVERDUE_AGE = "overdueAge";
  public static final String DISPUTES = "disputes";
  public static final String BROKEN_COMMITMENTS = "brokenCommitments";
  public static final String ESCALATIONS = "escalations";
  public static final String WRITE_OFFS = "writeOffs";
  public static final String RELATIONSHIP = "relationship";

  // financial statements (FinancialFactors)
  public static final String ALTMAN_Z = "altmanZ";
  public static final String EQUITY_RATIO = "equityRatio";
  public static final String CURRENT_RATIO = "currentRatio";
  public static final String QUICK_RATIO = "quickRatio";
  public static final String INTEREST_COVERAGE = "interestCoverage";
  public static final String NET_MARGIN = "netMargin";

  // external inputs and notes (Scorecard)
  public static final String EXTERNAL_RATING = "externalRating";
  public static final String SECTOR_RISK = "sectorRisk";
  public static final String HISTORY_DEPTH = "historyDepth";
  public static final String FINANCIAL_STATEMENTS = "financialStatements";

  private Factors() {}

  /** Reports one factor's effect, rounded to whole points, and returns the unrounded effect. */
  static double add(List<Reason> out, String factor, double effect, String detail) {
    out.add(new Reason(factor, (int) Math.round(effect), detail));
    return effect;
  }

  static String pct(double share) {
    return BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
  }
}
