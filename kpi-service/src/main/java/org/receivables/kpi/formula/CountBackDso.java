package org.receivables.kpi.formula;

import java.math.BigDecimal;
import java.util.List;

/**
 * Days sales outstanding, count-back method: the receivables are matched against the sales of the
 * most recent months, going back month by month, until they are used up. Each month fully covered
 * counts its days; the last one counts the share of its sales still needed. Unlike the standard
 * method, it does not flatter a month of unusually high sales.
 */
public final class CountBackDso {

  /** The net credit sales of one month and its number of days. */
  public record MonthSales(BigDecimal sales, int days) {}

  /** Why the count-back DSO is null: no sales at all in the months it looks back over. */
  public static final String NO_SALES_HISTORY =
      "no net credit sales in the months looked back over";

  private CountBackDso() {}

  /**
   * Days, one decimal; null without sales history. Receivables older than the whole history count
   * every month of it: the result is then a lower bound.
   *
   * @param months most recent month first
   */
  public static BigDecimal of(BigDecimal receivables, List<MonthSales> months) {
    if (months.isEmpty()) {
      return null;
    }
    BigDecimal remaining = receivables;
    BigDecimal days = BigDecimal.ZERO;
    for (MonthSales month : months) {
      if (remaining.signum() <= 0) {
        break;
      }
      BigDecimal monthDays = BigDecimal.valueOf(month.days());
      if (month.sales().signum() <= 0 || remaining.compareTo(month.sales()) >= 0) {
        days = days.add(monthDays);
        remaining = remaining.subtract(month.sales().max(BigDecimal.ZERO));
      } else {
        days = days.add(Ratio.divide(remaining, month.sales()).multiply(monthDays));
        remaining = BigDecimal.ZERO;
      }
    }
    return Ratio.days(days);
  }
}
