package org.receivables.kpi.summary;

import java.math.BigDecimal;
import org.receivables.kpi.formula.NetCreditSales;

/** Sums of the daily flows over a period. */
public record Flows(
    BigDecimal invoiced,
    BigDecimal credited,
    BigDecimal cancelled,
    BigDecimal discounted,
    BigDecimal collected,
    BigDecimal writtenOff,
    BigDecimal disputed,
    BigDecimal collectedDueDays,
    BigDecimal collectedIssueDays) {

  /** See {@link NetCreditSales}. */
  public BigDecimal netSales() {
    return NetCreditSales.of(invoiced, credited, cancelled, discounted);
  }
}
