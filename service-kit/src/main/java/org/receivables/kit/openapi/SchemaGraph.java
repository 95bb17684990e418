package org.receivables.kit.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Which named schemas a document sends and which it receives: a field a response always carries is
 * {@code required}, but the same mark on a request schema would make an optional input mandatory,
 * so the two sides are told apart by following {@code $ref}s from the operations.
 */
final class SchemaGraph {

  private static final String PREFIX = "#/components/schemas/";

  private SchemaGraph() {}

  /** Named schemas reachable from the response bodies of any operation. */
  static Set<String> inResponses(OpenAPI openAPI) {
    return reachable(
        openAPI,
        operations(openAPI)
            .filter(o -> o.getResponses() != null && o.getResponses().getAPIResponses() != null)
            .flatMap(o -> o.getResponses().getAPIResponses().values().stream())
            .map(r -> r.getContent()));
  }

  /** Named schemas reachable from the request bodies of any operation. */
  static Set<String> inRequests(OpenAPI openAPI) {
    return reachable(
        openAPI,
        operations(openAPI)
            .filter(o -> o.getRequestBody() != null)
            .map(o -> o.getRequestBody().getContent()));
  }

  private static Stream<Operation> operations(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return Stream.empty();
    }
    return openAPI.getPaths().getPathItems().values().stream()
        .map(PathItem::getOperations)
        .flatMap(m -> m.values().stream());
  }

  private static Set<String> reachable(OpenAPI openAPI, Stream<Content> contents) {
    Map<String, Schema> named =
        openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
            ? Map.of()
            : openAPI.getComponents().getSchemas();
    Deque<Schema> todo = new ArrayDeque<>();
    contents
        .filter(Objects::nonNull)
        .filter(c -> c.getMediaTypes() != null)
        .flatMap(c -> c.getMediaTypes().values().stream())
        .map(MediaType::getSchema)
        .filter(Objects::nonNull)
        .forEach(todo::add);
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Schema schema = todo.pop();
      String ref = schema.getRef();
      if (ref != null && ref.startsWith(PREFIX)) {
        String name = ref.substring(PREFIX.length());
        if (seen.add(name) && named.containsKey(name)) {
          todo.add(named.get(name));
        }
      }
      children(schema).forEach(todo::add);
    }
    return seen;
  }

  private static Stream<Schema> children(Schema schema) {
    Stream<Schema> properties =
        schema.getProperties() == null ? Stream.empty() : schema.getProperties().values().stream();
    return Stream.of(
            properties,
            Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema(), schema.getNot()),
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(Objects::nonNull)
                .flatMap(List::stream))
        .flatMap(s -> s)
        .filter(Objects::nonNull);
  }
}
