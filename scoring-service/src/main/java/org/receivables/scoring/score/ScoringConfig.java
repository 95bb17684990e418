package org.receivables.scoring.score;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The scorecard, the credit policy per class and the credit decision rules, all from configuration
 * ({@code scoring.*} in application.properties, where every default is stated and explained in
 * docs/scoring.md) so a credit manager's model changes need no release.
 */
@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

  /** Currency of limits for customers whose currency no event has told yet. */
  String defaultCurrency();

  Model model();

  Behaviour behaviour();

  Financials financials();

  External external();

  Sector sector();

  Classes classes();

  Pd pd();

  /** Credit policy per risk class, keyed A to E. */
  Map<String, ClassPolicy> policy();

  Decision decision();

  Nightly nightly();

  /** How the three pillars are blended. */
  interface Model {
    double behaviourWeight();

    double financialsWeight();

    double externalWeight();

    /** The score of a customer nothing is known about; effects are points away from it. */
    int neutralScore();

    /** Invoices that must have fallen due before payment behaviour counts at its full weight. */
    int minHistoryInvoices();

    /** How much more an invoice due in the last 3 months weighs than an older one (trend). */
    BigDecimal recentWeight();
  }

  /** Points curves of the payment behaviour factors. */
  interface Behaviour {
    Curve daysLate();

    Curve lateShare();

    Curve overdueRatio();

    Curve oldestOverdueDays();

    Curve disputes();

    Curve brokenCommitments();

    Curve escalations();

    Curve writeOffRatio();

    Curve relationshipMonths();
  }

  /** Points curves of the financial statement factors. */
  interface Financials {
    Curve altmanZ();

    Curve equityRatio();

    Curve currentRatio();

    Curve quickRatio();

    Curve interestCoverage();

    Curve netMargin();

    /** Statements whose fiscal year ended longer ago than this are not used. */
    int maxAgeMonths();
  }

  /** External ratings: a bureau score normalised to 0-100, higher is safer. */
  interface External {
    Curve score();

    int maxAgeMonths();
  }

  /** Points added to the score by the tenant's sector risk table. */
  interface Sector {
    int low();

    int medium();

    int high();

    int veryHigh();
  }

  /** Lowest score of each class; below {@code d} is E. */
  interface Classes {
    int a();

    int b();

    int c();

    int d();
  }

  /** Calibration of the probability of default: log-odds linear in the score. */
  interface Pd {
    /** The score at which the probability of default is 50 %. */
    int anchorScore();

    /** Points that halve the odds of default. */
    double pointsToDoubleOdds();
  }

  /** What a risk class allows. */
  interface ClassPolicy {
    /** Longest payment terms granted to a customer of this class (0: cash in advance). */
    int maxTermsDays();

    /** Credit limit from billing volume: this many months of average billing. */
    BigDecimal monthsOfBilling();

    /** Credit limit from financial size: at most this share of the customer's equity. */
    BigDecimal equityShare();

    /** The limit granted while the billing history is too short to say more. */
    BigDecimal starterLimit();

    /** Orders need payment in advance: credit decisions reject. */
    boolean prepayment();

    /** Entering this class puts the customer on credit hold. */
    boolean autoHold();

    /** Every credit decision goes to a person. */
    boolean alwaysReview();
  }

  /** Thresholds of the credit decision rules. */
  interface Decision {
    /** Going over the limit by at most this share is a REVIEW rather than a REJECT. */
    BigDecimal overLimitTolerance();

    int reviewOverdueDays();

    int rejectOverdueDays();

    /** Limits are rounded down to a multiple of this amount. */
    BigDecimal limitRounding();
  }

  /** The nightly recomputation that ages every score. */
  interface Nightly {
    String cron();

    boolean enabled();
  }
}
