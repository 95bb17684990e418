package org.receivables.dunning.interest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The ECB main refinancing rate in force on the first day of each half-year. A half-year not in the
 * table takes the latest earlier one and is marked provisional: ECB rates stay in force until the
 * next decision, so that figure is right unless a decision has not been entered yet.
 */
public final class RateTable {

  /** The reference rate of one half-year. */
  public record Rate(HalfYear halfYear, BigDecimal ecbRate, boolean provisional) {}

  private final NavigableMap<HalfYear, BigDecimal> rates;

  public RateTable(Map<HalfYear, BigDecimal> rates) {
    this.rates = new TreeMap<>(rates);
  }

  public Rate rateFor(HalfYear halfYear) {
    BigDecimal exact = rates.get(halfYear);
    if (exact != null) {
      return new Rate(halfYear, exact, false);
    }
    Map.Entry<HalfYear, BigDecimal> earlier = rates.floorEntry(halfYear);
    if (earlier == null) {
      throw new IllegalStateException("No reference rate on or before " + halfYear);
    }
    return new Rate(halfYear, earlier.getValue(), true);
  }
}
