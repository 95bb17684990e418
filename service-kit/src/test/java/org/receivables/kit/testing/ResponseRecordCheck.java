package org.receivables.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.receivables.kit.openapi.RecordFields;
import org.receivables.kit.openapi.SuiteIds;

/**
 * Compares a service's served document with the records it answers with, so that the document
 * cannot drift from the code: each field a response record always writes is {@code required}; a
 * field is nullable in the document exactly where the record declares {@code @Schema(nullable =
 * true)}; a boxed scalar ({@code Integer}, {@code Boolean}...), which a record holds only because
 * it can be null, must be declared nullable or left out when null; ids of the suite's customers and
 * invoices are {@code format: uuid}. Each break is named with its record and field.
 */
final class ResponseRecordCheck {

  private static final String PREFIX = "#/components/schemas/";

  private ResponseRecordCheck() {}

  static List<String> violations(JsonNode document, Map<String, ClassInfo> records) {
    JsonNode schemas = document.path("components").path("schemas");
    Set<String> sent = reachable(schemas, parts(document, "responses"));
    Set<String> received = reachable(schemas, parts(document, "requestBody"));
    List<String> violations = new ArrayList<>();
    for (String name : sent) {
      ClassInfo record = records.get(name);
      JsonNode schema = schemas.path(name);
      if (record == null || received.contains(name) || !schema.has("properties")) {
        continue;
      }
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (RecordFields.Field field : RecordFields.of(record)) {
        JsonNode property = schema.path("properties").path(field.name());
        String at = record.simpleName() + "." + field.name();
        if (property.isMissingNode()) {
          continue;
        }
        if (field.alwaysWritten() && !required.contains(field.name())) {
          violations.add(at + " is always written but not required in " + name);
        }
        if (nullable(property) != field.declaredNullable()) {
          violations.add(
              at
                  + (field.declaredNullable()
                      ? " is @Schema(nullable = true) but not nullable in the document"
                      : " is nullable in the document but not declared @Schema(nullable = true)"));
        }
        if (field.boxed() && field.alwaysWritten() && !field.declaredNullable()) {
          violations.add(
              at
                  + " is a "
                  + field.type().name().local()
                  + ", which can be null: declare @Schema(nullable = true), leave it out when null"
                  + " (@JsonInclude(NON_NULL)) or use the primitive");
        }
      }
    }
    ids(schemas, violations);
    return violations;
  }

  /** Every property named after a suite id, in any schema, is a uuid (or a list of them). */
  private static void ids(JsonNode schemas, List<String> violations) {
    schemas
        .fields()
        .forEachRemaining(
            schema ->
                schema
                    .getValue()
                    .path("properties")
                    .fields()
                    .forEachRemaining(
                        property -> {
                          JsonNode value = property.getValue();
                          JsonNode text = value.has("items") ? value.get("items") : value;
                          if (SuiteIds.UUID_FIELDS.contains(property.getKey())
                              && !text.has("$ref")
                              && !"uuid".equals(text.path("format").asText())) {
                            violations.add(
                                schema.getKey() + "." + property.getKey() + " is not format uuid");
                          }
                        }));
  }

  static boolean nullable(JsonNode property) {
    if (property.path("nullable").asBoolean(false)) {
      return true;
    }
    for (JsonNode type : property.path("type")) {
      if ("null".equals(type.asText())) {
        return true;
      }
    }
    for (JsonNode option : property.path("anyOf")) {
      if ("null".equals(option.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Every value under a key {@code key} of any operation. */
  private static List<JsonNode> parts(JsonNode document, String key) {
    List<JsonNode> parts = new ArrayList<>();
    document
        .path("paths")
        .forEach(item -> item.forEach(operation -> parts.add(operation.path(key))));
    return parts;
  }

  private static Set<String> reachable(JsonNode schemas, List<JsonNode> roots) {
    Set<String> seen = new HashSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      String ref = node.path("$ref").asText("");
      if (ref.startsWith(PREFIX) && seen.add(ref.substring(PREFIX.length()))) {
        todo.add(schemas.path(ref.substring(PREFIX.length())));
      }
      node.forEach(todo::add);
    }
    return seen;
  }

  /** The records of the app under test: its compiled main classes, where its config lies. */
  static Map<String, ClassInfo> recordsOfTheApp() {
    URL config =
        Thread.currentThread().getContextClassLoader().getResource("application.properties");
    if (config == null || !"file".equals(config.getProtocol())) {
      throw new IllegalStateException("cannot find the app's classes from " + config);
    }
    try {
      Path classes = Path.of(config.toURI()).getParent();
      Indexer indexer = new Indexer();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          try (InputStream in = Files.newInputStream(file)) {
            indexer.index(in);
          }
        }
      }
      Index index = indexer.complete();
      return RecordFields.bySchemaName(index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
