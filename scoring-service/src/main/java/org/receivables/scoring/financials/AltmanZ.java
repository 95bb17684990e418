package org.receivables.scoring.financials;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Altman's Z''-score for private and non-manufacturing firms (Altman 2000, "Predicting Financial
 * Distress of Companies: Revisiting the Z-Score and ZETA Models"; Altman & Hotchkiss, "Corporate
 * Financial Distress and Bankruptcy", 3rd ed., 2006):
 *
 * <pre>Z'' = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4</pre>
 *
 * X1 = working capital / total assets, X2 = retained earnings / total assets, X3 = EBIT / total
 * assets, X4 = book value of equity / total liabilities. Zones: above 2.60 safe, 1.10 to 2.60 grey,
 * below 1.10 distress. Sales / total assets is deliberately absent: it varies too much between
 * industries.
 */
public record AltmanZ(
    BigDecimal x1, BigDecimal x2, BigDecimal x3, BigDecimal x4, BigDecimal score, Zone zone) {

  public static final BigDecimal SAFE_ABOVE = new BigDecimal("2.60");
  public static final BigDecimal DISTRESS_BELOW = new BigDecimal("1.10");

  /**
   * X4 when a firm has no liabilities at all: equity / 0 is unbounded, and this value already puts
   * the score far into the safe zone on its own.
   */
  static final BigDecimal X4_WITHOUT_LIABILITIES = new BigDecimal("10");

  private static final MathContext MC = MathContext.DECIMAL64;

  /** Altman's three zones. */
  public enum Zone {
    SAFE,
    GREY,
    DISTRESS
  }

  /** The score, or null when retained earnings are not given (X2 cannot be formed). */
  public static AltmanZ of(Figures f) {
    if (f.retainedEarnings() == null || f.totalAssets().signum() <= 0) {
      return null;
    }
    BigDecimal ta = f.totalAssets();
    BigDecimal x1 = f.currentAssets().subtract(f.currentLiabilities()).divide(ta, MC);
    BigDecimal x2 = f.retainedEarnings().divide(ta, MC);
    BigDecimal x3 = f.ebit().divide(ta, MC);
    BigDecimal x4 =
        f.totalLiabilities().signum() == 0
            ? X4_WITHOUT_LIABILITIES
            : f.equity().divide(f.totalLiabilities(), MC);
    BigDecimal z =
        new BigDecimal("6.56")
            .multiply(x1)
            .add(new BigDecimal("3.26").multiply(x2))
            .add(new BigDecimal("6.72").multiply(x3))
            .add(new BigDecimal("1.05").multiply(x4));
    Zone zone =
        z.compareTo(SAFE_ABOVE) > 0
            ? Zone.SAFE
            : z.compareTo(DISTRESS_BELOW) < 0 ? Zone.DISTRESS : Zone.GREY;
    return new AltmanZ(r(x1), r(x2), r(x3), r(x4), z.setScale(2, RoundingMode.HALF_UP), zone);
  }

  private static BigDecimal r(BigDecimal v) {
    return v.setScale(4, RoundingMode.HALF_UP);
  }
}
