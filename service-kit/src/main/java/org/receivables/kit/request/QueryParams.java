package org.receivables.kit.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.receivables.kit.problem.ProblemException;

/**
 * Parses typed query parameters ourselves: JAX-RS answers a failed conversion with a bare 404,
 * where a caller needs a 400 that names the parameter.
 */
public final class QueryParams {

  private QueryParams() {}

  /** A {@code YYYY-MM-DD} date, or null when the parameter is absent. */
  public static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(
          name, "must be a date YYYY-MM-DD, got '" + shorten(value) + "'");
    }
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
