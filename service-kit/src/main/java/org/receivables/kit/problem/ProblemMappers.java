package org.receivables.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}, so clients parse one error format and
 * never see a stack trace. Anything unexpected is a 500 with an error id that points to the log.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.toProblem(), uri);
  }

  @ServerExceptionMapper
  public Response parameter(InvalidParameterException e, UriInfo uri) {
    return respond(e.toProblem(), uri);
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return respond(
        new Problem(Problem.typeFor(400), "Invalid request", 400, detail, null, errors), uri);
  }

  /**
   * Listed one by one: Quarkus ships mappers for the subtypes that would otherwise answer plain
   * JSON.
   */
  @ServerExceptionMapper({
    JsonProcessingException.class,
    com.fasterxml.jackson.core.JsonParseException.class,
    JsonMappingException.class,
    com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class,
    com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
    com.fasterxml.jackson.databind.exc.InvalidTypeIdException.class
  })
  public Response unreadable(JsonProcessingException e, UriInfo uri) {
    String field = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "";
    String message;
    if (e instanceof UnrecognizedPropertyException u) {
      field = JsonPaths.of(u.getPath());
      message = "is not a known field";
    } else if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
      // kit.request.BodyText: the value is not echoed, it holds a control character
      message = f.getOriginalMessage();
    } else if (e instanceof InvalidFormatException f) {
      message =
          "cannot read "
              + JsonPaths.shortValue(f.getValue())
              + " as "
              + JsonPaths.typeName(f.getTargetType());
    } else if (e instanceof JsonMappingException m && m.getPath().size() > 0) {
      message = "has the wrong type or shape";
    } else {
      field = "";
      message = "the body is not valid JSON (line " + lineOf(e) + ")";
    }
    List<Problem.FieldError> errors =
        field.isEmpty() ? null : List.of(new Problem.FieldError(field, message));
    String detail = field.isEmpty() ? message : field + ": " + message;
    return respond(
        new Problem(Problem.typeFor(400), "Unreadable request body", 400, detail, null, errors),
        uri);
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    return respond(Problem.of(401, "Unauthorized", "A valid access token is required"), uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(Problem.of(403, "Forbidden", "Your role does not allow this operation"), uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException unreadableBody) {
      return unreadable(unreadableBody, uri);
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Request rejected" : type.getReasonPhrase();
    String detail = e.getMessage() == null ? title : e.getMessage();
    return respond(Problem.of(status, title, detail), uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (isStatementTimeout(e)) {
      // the request's statement ran past service-kit.tenant.statement-timeout: the service is
      // overloaded or the question too big right now, not broken
      LOG.warnf("A statement of %s ran out of time: %s", pathOf(uri), e.getMessage());
      return Response.fromResponse(
              respond(
                  Problem.of(
                      503,
                      "Service Unavailable",
                      "The request took too long to answer; retry later or narrow it."),
                  uri))
          .header("Retry-After", "5")
          .build();
    }
    String refused = DataExceptions.message(e);
    if (refused != null) {
      // PostgreSQL refused a value (SQLSTATE class 22): the input was bad, not the service
      LOG.warnf(
          "PostgreSQL refused a value of %s (SQLSTATE %s)", pathOf(uri), DataExceptions.state(e));
      return respond(Problem.of(400, "Invalid request", refused), uri);
    }
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure %s on %s", errorId, pathOf(uri));
    return respond(
        Problem.of(500, "Internal error", "An unexpected error occurred; error id " + errorId),
        uri);
  }

  /** PostgreSQL's SQLSTATE 57014 (query_canceled), however deep the ORM wrapped it. */
  static boolean isStatementTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String pathOf(UriInfo uri) {
    return uri == null ? null : uri.getPath();
  }

  private static Response respond(Problem problem, UriInfo uri) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.withInstance(pathOf(uri)))
        .build();
  }

  /**
   * {@code create.request.lines[0].quantity} → {@code lines[0].quantity}: the caller's view of it.
   */
  static String fieldOf(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    String[] parts = path.split("\\.", 3);
    return parts.length == 3 ? parts[2] : parts[parts.length - 1];
  }

  private static int lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
  }
}
