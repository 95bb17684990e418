package org.receivables.kpi.formula;

import java.math.BigDecimal;
import java.util.List;

/**
 * Actual against target for one KPI: the gap (actual − target, in the KPI's unit), whether the
 * target is met, and which way the trend goes with respect to the target's direction.
 */
public final class TargetVariance {

  /** Whether lower (DSO) or higher (CEI) figures are better. */
  public enum Comparison {
    AT_MOST,
    AT_LEAST;

    public boolean met(BigDecimal actual, BigDecimal target) {
      int c = actual.compareTo(target);
      return this == AT_MOST ? c <= 0 : c >= 0;
    }
  }

  /** Direction of a series relative to the target's direction. */
  public enum Trend {
    IMPROVING,
    WORSENING,
    STABLE,
    UNKNOWN
  }

  private TargetVariance() {}

  /** Actual − target; null when there is no actual. */
  public static BigDecimal gap(BigDecimal actual, BigDecimal target) {
    return actual == null ? null : actual.subtract(target);
  }

  public static Boolean met(Comparison comparison, BigDecimal actual, BigDecimal target) {
    return actual == null ? null : comparison.met(actual, target);
  }

  /** The trend from the first to the last known value of {@code series} (oldest first). */
  public static Trend trend(Comparison comparison, List<BigDecimal> series) {
    List<BigDecimal> known = series.stream().filter(v -> v != null).toList();
    if (known.size() < 2) {
      return Trend.UNKNOWN;
    }
    int c = known.get(known.size() - 1).compareTo(known.get(0));
    if (c == 0) {
      return Trend.STABLE;
    }
    boolean better = comparison == Comparison.AT_MOST ? c < 0 : c > 0;
    return better ? Trend.IMPROVING : Trend.WORSENING;
  }
}
