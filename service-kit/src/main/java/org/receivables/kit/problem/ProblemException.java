package org.receivables.kit.problem;

import java.util.List;

/**
 * Thrown by domain and service code to end a request with a problem the caller can act on; the
 * mapper turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;

  public ProblemException(int status, String title, String detail) {
    this(status, title, detail, null);
  }

  public ProblemException(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(404, "Not found", what + " " + id + " does not exist");
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "Conflict", detail);
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        400,
        "Invalid request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public Problem toProblem() {
    return new Problem(Problem.typeFor(status), title, status, getMessage(), null, errors);
  }

  public int status() {
    return status;
  }
}
