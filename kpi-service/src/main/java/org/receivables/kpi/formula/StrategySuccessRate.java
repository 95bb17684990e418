package org.receivables.kpi.formula;

import java.math.BigDecimal;

/**
 * Success rate of a collection strategy (a dunning step on a channel), in percent: of the amount
 * each of its reminders asked for, the share paid on the reminded invoices from the day it was sent
 * to {@value #WINDOW_DAYS} days later. A payment counts at most up to its reminder's amount.
 */
public final class StrategySuccessRate {

  /** How long after a reminder a payment is credited to it. */
  public static final int WINDOW_DAYS = 14;

  private BigDecimal reminded = BigDecimal.ZERO;
  private BigDecimal paid = BigDecimal.ZERO;
  private long reminders;

  /** One reminder of {@code amount}, on whose invoices {@code paidWithinWindow} was paid. */
  public StrategySuccessRate add(BigDecimal amount, BigDecimal paidWithinWindow) {
    reminders++;
    reminded = reminded.add(amount);
    paid = paid.add(paidWithinWindow.max(BigDecimal.ZERO).min(amount));
    return this;
  }

  public long reminders() {
    return reminders;
  }

  public BigDecimal reminded() {
    return reminded;
  }

  public BigDecimal paid() {
    return paid;
  }

  public BigDecimal rate() {
    return Ratio.percent(paid, reminded, 1);
  }
}
