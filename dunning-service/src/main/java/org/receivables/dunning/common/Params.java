package org.receivables.dunning.common;

import java.util.List;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;

/**
 * Typed parameters parsed by hand, so a bad value is a 400 naming it (JAX-RS answers a failed
 * conversion with a bare 404).
 */
public final class Params {

  private Params() {}

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
