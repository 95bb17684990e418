package org.receivables.invoicing.common;

import java.util.Locale;
import java.util.UUID;
import org.receivables.kit.problem.ProblemException;

/**
 * Typed query and header parameters parsed by hand, so a bad value is a 400 naming it (JAX-RS
 * answers a failed conversion with a bare 404).
 */
public final class Params {

  private Params() {}

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

  /** A page size, or null when absent; the range is checked by {@code Cursor.limit}. */
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

  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          name, "must be one of " + java.util.List.of(type.getEnumConstants()));
    }
  }

  /**
   * The version an {@code If-Match} header names ({@code "3"} or {@code W/"3"}); -1 for {@code *}.
   */
  public static long ifMatchVersion(String header) {
    if (header == null || header.isBlank()) {
      throw Problems.preconditionRequired();
    }
    String tag = header.strip();
    if (tag.equals("*")) {
      return -1;
    }
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "must be an ETag returned by this API");
    }
  }
}
