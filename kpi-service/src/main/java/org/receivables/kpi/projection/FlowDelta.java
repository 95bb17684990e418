package org.receivables.kpi.projection;

import java.math.BigDecimal;

/** What one ledger movement adds to its customer's row of the day in {@code kpi_daily_flow}. */
record FlowDelta(
    BigDecimal invoiced,
    int invoicesIssued,
    BigDecimal credited,
    BigDecimal cancelled,
    BigDecimal discounted,
    BigDecimal collected,
    BigDecimal writtenOff,
    BigDecimal disputed,
    BigDecimal collectedDueDays,
    BigDecimal collectedIssueDays) {

  private static final BigDecimal Z = BigDecimal.ZERO;

  static FlowDelta issued(BigDecimal amount) {
    return new FlowDelta(amount, 1, Z, Z, Z, Z, Z, Z, Z, Z);
  }

  static FlowDelta credited(BigDecimal amount) {
    return new FlowDelta(Z, 0, amount, Z, Z, Z, Z, Z, Z, Z);
  }

  static FlowDelta cancelled(BigDecimal amount) {
    return new FlowDelta(Z, 0, Z, amount, Z, Z, Z, Z, Z, Z);
  }

  static FlowDelta discounted(BigDecimal amount) {
    return new FlowDelta(Z, 0, Z, Z, amount, Z, Z, Z, Z, Z);
  }

  /**
   * A payment of {@code amount} (negative for a reversal) made the given days after due and issue.
   */
  static FlowDelta collected(BigDecimal amount, long daysAfterDue, long daysAfterIssue) {
    return new FlowDelta(
        Z,
        0,
        Z,
        Z,
        Z,
        amount,
        Z,
        Z,
        amount.multiply(BigDecimal.valueOf(daysAfterDue)),
        amount.multiply(BigDecimal.valueOf(daysAfterIssue)));
  }

  static FlowDelta writtenOff(BigDecimal amount) {
    return new FlowDelta(Z, 0, Z, Z, Z, Z, amount, Z, Z, Z);
  }

  static FlowDelta disputed(BigDecimal amount) {
    return new FlowDelta(Z, 0, Z, Z, Z, Z, Z, amount, Z, Z);
  }

  /** Both movements' flows, summed column by column. */
  FlowDelta plus(FlowDelta o) {
    return new FlowDelta(
        invoiced.add(o.invoiced),
        invoicesIssued + o.invoicesIssued,
        credited.add(o.credited),
        cancelled.add(o.cancelled),
        discounted.add(o.discounted),
        collected.add(o.collected),
        writtenOff.add(o.writtenOff),
        disputed.add(o.disputed),
        collectedDueDays.add(o.collectedDueDays),
        collectedIssueDays.add(o.collectedIssueDays));
  }
}
