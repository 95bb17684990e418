package org.receivables.kit.problem;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Names a position in a request body the way a caller wrote it: {@code lines[2].unitPrice}. */
final class JsonPaths {

  private JsonPaths() {}

  static String of(List<Reference> path) {
    StringBuilder out = new StringBuilder();
    for (Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  static String typeName(Class<?> type) {
    if (type == null) {
      return "the expected type";
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "a date (YYYY-MM-DD)";
      case "BigDecimal", "Integer", "int", "Long", "long" -> "a number";
      case "UUID" -> "an id (UUID)";
      case "Boolean", "boolean" -> "true or false";
      default ->
          type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : type.getSimpleName();
    };
  }

  static String shortValue(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
  }
}
