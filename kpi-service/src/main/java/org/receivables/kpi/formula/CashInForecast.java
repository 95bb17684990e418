package org.receivables.kpi.formula;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected cash-in per week after the as-of date: each open invoice is expected at its due date
 * shifted by its customer's own average collection delay (never before the day after the as-of
 * date), for its open balance weighted by its probability of being paid. What would come after the
 * horizon is reported apart.
 */
public final class CashInForecast {

  /** One open invoice: its balance, due date, customer delay in days and payment probability. */
  public record Item(
      BigDecimal balance, LocalDate dueDate, long delayDays, BigDecimal probability) {

    public LocalDate expectedOn(LocalDate asOf) {
      LocalDate expected = dueDate.plusDays(delayDays);
      return expected.isAfter(asOf) ? expected : asOf.plusDays(1);
    }
  }

  /** Week {@code index} (0-based) runs from {@code start} to {@code end}, both included. */
  public record Week(int index, LocalDate start, LocalDate end, BigDecimal expected) {}

  private final LocalDate asOf;
  private final BigDecimal[] expected;
  private BigDecimal beyondHorizon = BigDecimal.ZERO;

  public CashInForecast(LocalDate asOf, int weeks) {
    this.asOf = asOf;
    this.expected = new BigDecimal[weeks];
    java.util.Arrays.fill(expected, BigDecimal.ZERO);
  }

  public CashInForecast add(Item item) {
    BigDecimal amount = item.balance().multiply(item.probability());
    long day = item.expectedOn(asOf).toEpochDay() - asOf.toEpochDay() - 1;
    int week = (int) (day / 7);
    if (week < expected.length) {
      expected[week] = expected[week].add(amount);
    } else {
      beyondHorizon = beyondHorizon.add(amount);
    }
    return this;
  }

  public List<Week> weeks() {
    List<Week> out = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      LocalDate start = asOf.plusDays(1 + 7L * i);
      out.add(new Week(i, start, start.plusDays(6), expected[i]));
    }
    return out;
  }

  public BigDecimal beyondHorizon() {
    return beyondHorizon;
  }
}
