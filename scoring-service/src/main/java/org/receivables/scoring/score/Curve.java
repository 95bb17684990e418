package org.receivables.scoring.score;

/**
 * How one factor turns into points: two anchors {@code value=points}, straight line between them,
 * flat beyond them. Written in configuration as {@code "0=150;60=-250"} (0 days late earns +150, 60
 * or more days late costs 250). A straight line between two anchors can only rise or only fall, so
 * every factor moves the score in one direction, which keeps the scorecard monotone.
 */
public record Curve(double value1, double points1, double value2, double points2) {

  public Curve {
    if (value1 == value2) {
      throw new IllegalArgumentException("A curve needs two different anchor values");
    }
  }

  /** Parses {@code "v1=p1;v2=p2"}; the implicit converter SmallRye Config uses. */
  public static Curve of(String text) {
    String[] anchors = text.trim().split("\\s*;\\s*");
    if (anchors.length != 2) {
      throw new IllegalArgumentException("A curve is 'value=points;value=points', got: " + text);
    }
    double[] a = anchor(anchors[0], text);
    double[] b = anchor(anchors[1], text);
    return new Curve(a[0], a[1], b[0], b[1]);
  }

  private static double[] anchor(String anchor, String text) {
    String[] parts = anchor.split("\\s*=\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException("A curve is 'value=points;value=points', got: " + text);
    }
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }

  public double points(double value) {
    double lo = Math.min(value1, value2);
    double hi = Math.max(value1, value2);
    double pLo = value1 < value2 ? points1 : points2;
    double pHi = value1 < value2 ? points2 : points1;
    if (value <= lo) {
      return pLo;
    }
    if (value >= hi) {
      return pHi;
    }
    return pLo + (pHi - pLo) * (value - lo) / (hi - lo);
  }

  @Override
  public String toString() {
    return fmt(value1) + "=" + fmt(points1) + ";" + fmt(value2) + "=" + fmt(points2);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
