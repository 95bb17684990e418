package org.receivables.kit.problem;

import jakarta.ws.rs.BadRequestException;
import java.util.List;

/**
 * A path, query or header parameter that could not be converted to its declared type. A {@link
 * jakarta.ws.rs.WebApplicationException}, because JAX-RS turns any other failure of a parameter
 * conversion into a bare 404; {@link ProblemMappers} answers it as a 400 naming the parameter.
 */
public class InvalidParameterException extends BadRequestException {

  private final String parameter;
  private final String reason;

  public InvalidParameterException(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
    this.reason = reason;
  }

  public Problem toProblem() {
    return new Problem(
        Problem.typeFor(400),
        "Invalid request",
        400,
        getMessage(),
        null,
        List.of(new Problem.FieldError(parameter, reason)));
  }
}
