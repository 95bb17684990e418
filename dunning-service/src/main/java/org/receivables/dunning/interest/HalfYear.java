package org.receivables.dunning.interest;

import java.time.LocalDate;
import org.receivables.kit.problem.ProblemException;

/** A half-year, the period for which the French and EU reference rate is fixed. */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

  public static HalfYear of(LocalDate date) {
    return new HalfYear(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
  }

  /** Parses {@code 2025-H2}; a 400 naming {@code field} otherwise. */
  public static HalfYear parse(String field, String text) {
    if (text == null || !text.matches("\\d{4}-H[12]")) {
      throw ProblemException.invalid(field, "must be a half-year such as 2025-H2");
    }
    int year = Integer.parseInt(text.substring(0, 4));
    if (year < 1999 || year > 2200) {
      throw ProblemException.invalid(field, "year must be between 1999 and 2200");
    }
    return new HalfYear(year, text.charAt(6) - '0');
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, half == 1 ? 1 : 7, 1);
  }

  public LocalDate lastDay() {
    return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
  }

  public HalfYear previous() {
    return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
  }

  @Override
  public int compareTo(HalfYear o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(half, o.half);
  }

  @Override
  public String toString() {
    return year + "-H" + half;
  }
}
