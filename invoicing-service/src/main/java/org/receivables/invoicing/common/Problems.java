package org.receivables.invoicing.common;

import java.util.List;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;

/** The ledger's recurring refusals, so that each has one status and one wording everywhere. */
public final class Problems {

  private Problems() {}

  /** Well-formed, but the ledger's state forbids it (e.g. an amount above what is owed): 422. */
  public static ProblemException unprocessable(String field, String message) {
    return new ProblemException(
        422,
        "Unprocessable request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  /** Several field errors at once. */
  public static ProblemException invalid(int status, List<Problem.FieldError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return new ProblemException(
        status, status == 422 ? "Unprocessable request" : "Invalid request", detail, errors);
  }

  /** The resource's status forbids the operation: 409. */
  public static ProblemException state(String detail) {
    return new ProblemException(409, "Conflict with the invoice's state", detail);
  }

  public static ProblemException preconditionFailed(String detail) {
    return new ProblemException(412, "Precondition failed", detail);
  }

  public static ProblemException preconditionRequired() {
    return new ProblemException(
        428,
        "Precondition required",
        "Send If-Match with the ETag you read, so that no concurrent change is overwritten");
  }
}
