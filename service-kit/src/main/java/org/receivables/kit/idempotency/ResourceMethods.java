package org.receivables.kit.idempotency;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * What the {@link Idempotent} interceptor needs to know about a resource method, read from its
 * JAX-RS annotations: its HTTP method and which parameter carries the request body.
 */
final class ResourceMethods {

  private static final String[] PARAMETER_PACKAGES = {
    "jakarta.ws.rs.", "org.jboss.resteasy.reactive."
  };

  private ResourceMethods() {}

  /** The HTTP method the resource method answers, e.g. POST. */
  static String httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    throw new IllegalStateException(method + " is @Idempotent but not a JAX-RS resource method");
  }

  /**
   * The index of the body parameter: the one without a JAX-RS parameter annotation ({@code
   * PathParam}, {@code HeaderParam}, {@code Context}...), or -1 when the method takes no body.
   * Validation annotations do not count.
   */
  static int bodyIndex(Method method) {
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      if (!isJaxRsParameter(annotations[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * An {@link Idempotent} method carries the annotation itself and returns a Response: a replay is
   * a stored Response.
   */
  static void checkShape(Method method) {
    if (!method.isAnnotationPresent(Idempotent.class)) {
      throw new IllegalStateException(
          method.getDeclaringClass() + " is @Idempotent: put it on its creating methods instead");
    }
    if (!Response.class.equals(method.getReturnType())) {
      throw new IllegalStateException(
          method
              + " is @Idempotent but returns "
              + method.getReturnType().getSimpleName()
              + ", not Response: a replayed answer could not be returned");
    }
  }

  private static boolean isJaxRsParameter(Annotation[] annotations) {
    for (Annotation a : annotations) {
      String name = a.annotationType().getName();
      for (String prefix : PARAMETER_PACKAGES) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }
}
