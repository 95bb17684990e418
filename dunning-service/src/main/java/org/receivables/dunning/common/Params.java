package org.receivables.dunning.common;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;

/**
 * Typed parameters parsed by hand, so a bad value is a 400 naming it (JAX-RS answers a failed
 * conversion with a bare 404).
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

  /**
   * A short free-text id from another service (customer, invoice): non-blank, at most 100 chars.
   */
  public static String ref(String name, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ProblemException.invalid(name, "is required");
      }
      return null;
    }
    if (value.length() > 100) {
      throw ProblemException.invalid(name, "must be at most 100 characters");
    }
    return value.strip();
  }

  /** Several field errors at once: 400 naming every field. */
  public static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return new ProblemException(400, "Invalid request", detail, errors);
  }
}
