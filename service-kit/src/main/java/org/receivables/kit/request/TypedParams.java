package org.receivables.kit.request;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;
import org.receivables.kit.problem.InvalidParameterException;

/**
 * Converts {@code UUID}, {@code Integer} and {@code Long} parameters ({@code @PathParam UUID id})
 * so that a value that is not one is a 400 naming the parameter: JAX-RS would answer a bare 404 for
 * a path or query parameter it cannot convert. Declaring the id as a UUID also makes the OpenAPI
 * document say {@code format: uuid}.
 */
@Provider
public class TypedParams implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = nameOf(annotations);
    if (rawType == UUID.class) {
      return (ParamConverter<T>) new Converter<>(name, TypedParams::uuid, "must be an id (UUID)");
    }
    if (rawType == Integer.class) {
      return (ParamConverter<T>)
          new Converter<>(name, s -> Integer.valueOf(s.strip()), "must be a whole number");
    }
    if (rawType == Long.class) {
      return (ParamConverter<T>)
          new Converter<>(name, s -> Long.valueOf(s.strip()), "must be a whole number");
    }
    return null;
  }

  /** Only the canonical 36-character form: {@link UUID#fromString} also accepts "1-1-1-1-1". */
  static UUID uuid(String value) {
    String s = value.strip();
    if (s.length() != 36) {
      throw new IllegalArgumentException("not a UUID");
    }
    return UUID.fromString(s);
  }

  private static String nameOf(Annotation[] annotations) {
    if (annotations != null) {
      for (Annotation a : annotations) {
        if (a instanceof PathParam p) {
          return p.value();
        }
        if (a instanceof QueryParam q) {
          return q.value();
        }
        if (a instanceof HeaderParam h) {
          return h.value();
        }
      }
    }
    return "parameter";
  }

  private record Converter<T>(String name, Function<String, T> parse, String rule)
      implements ParamConverter<T> {

    @Override
    public T fromString(String value) {
      if (value == null || value.isBlank()) {
        // an empty query value is the parameter left out; a blank path value is InputFilter's
        return null;
      }
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException(name, rule);
      }
    }

    @Override
    public String toString(T value) {
      return value == null ? null : value.toString();
    }
  }
}
