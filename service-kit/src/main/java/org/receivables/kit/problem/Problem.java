package org.receivables.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: the single error format of every service and of the gateway.
 *
 * @param errors field-level validation errors, present only for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One rejected field: {@code field} is a JSON path such as {@code lines[0].quantity}. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String title, String detail) {
    return new Problem(typeFor(status), title, status, detail, null, null);
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }

  static String typeFor(int status) {
    return "https://receivables.org/problems/" + status;
  }
}
