package org.receivables.dunning.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * Bean Validation of a request inside a service, for requests whose field rules (annotations on the
 * record) must be answered together with the rules only the service can check (invoices of the
 * customer, dates against today): one 400 that names every faulty field, as the kit's mapper of
 * {@code ConstraintViolationException} does for requests validated at the resource.
 */
public final class Violations {

  private Violations() {}

  /** The request's constraint violations as field errors, by field. */
  public static <T> List<FieldError> of(Validator validator, T request) {
    List<FieldError> out = new ArrayList<>();
    for (ConstraintViolation<T> v : validator.validate(request)) {
      out.add(new FieldError(field(v), v.getMessage()));
    }
    out.sort(Comparator.comparing(FieldError::field));
    return out;
  }

  /**
   * The field as the API names it: a rule on a list's element ({@code List<@NotBlank String>})
   * names the element ({@code segments[0]}), without the validator's {@code .<list element>}.
   */
  private static String field(ConstraintViolation<?> v) {
    return v.getPropertyPath().toString().replace(".<list element>", "");
  }
}
