package org.receivables.kpi.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A customer's part in the tenant's gap between DSO and best possible DSO: its share of what is
 * overdue, in percent, and its days of average days delinquent (its overdue ÷ the tenant's net
 * sales × period days), so that the customers' days add up to the tenant's. Both are null when
 * there is nothing to divide by.
 */
public final class CustomerContribution {

  private CustomerContribution() {}

  /** The customer's overdue as a percentage of the tenant's, one decimal. */
  public static BigDecimal shareOfOverdue(BigDecimal customerOverdue, BigDecimal tenantOverdue) {
    return tenantOverdue.signum() > 0
        ? customerOverdue.multiply(Ratio.HUNDRED).divide(tenantOverdue, 1, RoundingMode.HALF_UP)
        : null;
  }

  /** The days of the tenant's average days delinquent that the customer's overdue accounts for. */
  public static BigDecimal daysDelinquent(
      BigDecimal customerOverdue, BigDecimal tenantNetSales, int periodDays) {
    return tenantNetSales.signum() > 0
        ? customerOverdue
            .multiply(BigDecimal.valueOf(periodDays))
            .divide(tenantNetSales, 1, RoundingMode.HALF_UP)
        : null;
  }
}
