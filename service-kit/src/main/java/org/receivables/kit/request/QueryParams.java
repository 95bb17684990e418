package org.receivables.kit.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.receivables.kit.problem.ProblemException;

/**
 * Parses typed query (and header or path) parameters ourselves: JAX-RS answers a failed conversion
 * with a bare 404, where a caller needs a 400 that names the parameter.
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

  /** An id, or null when absent. */
  public static UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(name, "must be an id (UUID)");
    }
  }

  /** A whole number, or null when absent; ranges are the caller's (e.g. {@code Cursor.limit}). */
  public static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(name, "must be a whole number");
    }
  }

  public static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ProblemException.invalid(name, "must be true or false");
    };
  }

  /** One of an enum's constants, case-insensitive, or null when absent. */
  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(name, "must be one of " + List.of(type.getEnumConstants()));
    }
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
