package org.receivables.kpi.formula;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sorts open balances into {@link AgingBucket}s as of one date. Outstanding is defined as the sum
 * of the buckets, so the buckets always add up to it; overdue is everything past due.
 */
public final class AgingReport {

  private final LocalDate asOf;
  private final Map<AgingBucket, BigDecimal> buckets = new EnumMap<>(AgingBucket.class);

  public AgingReport(LocalDate asOf, BigDecimal zero) {
    this.asOf = asOf;
    for (AgingBucket b : AgingBucket.values()) {
      buckets.put(b, zero);
    }
  }

  public AgingReport add(LocalDate dueDate, BigDecimal openBalance) {
    buckets.merge(
        AgingBucket.of(ChronoUnit.DAYS.between(dueDate, asOf)), openBalance, BigDecimal::add);
    return this;
  }

  public BigDecimal bucket(AgingBucket bucket) {
    return buckets.get(bucket);
  }

  public BigDecimal outstanding() {
    return buckets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal overdue() {
    return outstanding().subtract(buckets.get(AgingBucket.NOT_DUE));
  }
}
