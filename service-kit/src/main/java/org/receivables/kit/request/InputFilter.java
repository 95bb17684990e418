package org.receivables.kit.request;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;

/**
 * Applies {@link InputRules} to every request of every service before a resource sees it: path
 * parameters, query parameters and header values. One rule here instead of a check per endpoint, so
 * no NUL, broken UTF-8 or blank id can reach a query and come back as a 500. It runs after routing,
 * so the 400 names the parameter; JSON bodies are checked by {@link BodyText}.
 */
public class InputFilter {

  /** Per resource method, the headers it reads as parameters (blank is refused only for those). */
  private final Map<Method, List<String>> declaredHeaders = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void check(ContainerRequestContext request, ResourceInfo resource) {
    List<Problem.FieldError> errors = new ArrayList<>();
    request
        .getUriInfo()
        .getPathParameters()
        .forEach(
            (name, values) -> {
              for (String value : values) {
                add(errors, name, InputRules.pathValue(value));
              }
            });
    for (InputRules.QueryPart part :
        InputRules.query(request.getUriInfo().getRequestUri().getRawQuery())) {
      add(
          errors,
          part.name(),
          part.problem() != null ? part.problem() : InputRules.queryValue(part.value()));
    }
    request
        .getHeaders()
        .forEach(
            (name, values) -> {
              for (String value : values) {
                add(errors, name, InputRules.headerValue(value));
              }
            });
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method != null) {
      for (String header : declaredHeaders.computeIfAbsent(method, InputFilter::headersOf)) {
        for (String value : request.getHeaders().getOrDefault(header, List.of())) {
          if (value.isBlank()) {
            add(errors, header, InputRules.BLANK);
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      String detail =
          errors.stream()
              .map(e -> e.field() + ": " + e.message())
              .distinct()
              .reduce((a, b) -> a + "; " + b)
              .orElse("");
      throw new ProblemException(
          400, "Invalid request", detail, errors.stream().distinct().toList());
    }
  }

  private static void add(List<Problem.FieldError> errors, String field, String problem) {
    if (problem != null) {
      errors.add(new Problem.FieldError(field, problem));
    }
  }

  private static List<String> headersOf(Method method) {
    List<String> names = new ArrayList<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation a : annotations) {
        if (a instanceof HeaderParam h) {
          names.add(h.value());
        }
      }
    }
    return names;
  }
}
