package org.receivables.kpi.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The days a trend shows between two dates: every day, every Sunday or every month's end. */
public enum Interval {
  DAY,
  WEEK,
  MONTH;

  /** The points in [from, to], always ending with {@code to} itself. */
  public List<LocalDate> points(LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate d =
        switch (this) {
          case DAY -> from;
          case WEEK -> from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
          case MONTH -> from.with(TemporalAdjusters.lastDayOfMonth());
        };
    while (d.isBefore(to)) {
      out.add(d);
      d =
          switch (this) {
            case DAY -> d.plusDays(1);
            case WEEK -> d.plusWeeks(1);
            case MONTH -> d.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
          };
    }
    out.add(to);
    return out;
  }
}
