package org.receivables.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The services publish OpenAPI 3.1 (JSON Schema 2020-12: {@code type: [number, "null"]}), but the
 * request validator only applies 3.0 schemas: given a 3.1 document it silently skips every type
 * array, so {@code "s"} would pass for a nullable number. This rewrites the served document into
 * its exact 3.0 equivalent for the validator only. A 3.1 construct it cannot express in 3.0 fails
 * the test instead of being dropped, so nothing is checked more loosely than it is published.
 */
final class OpenApi30 {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OpenApi30() {}

  static ObjectNode of(JsonNode document31) {
    ObjectNode document = document31.deepCopy();
    String version = document.path("openapi").asText();
    if (version.startsWith("3.0")) {
      return document;
    }
    if (!version.startsWith("3.1")) {
      throw new IllegalArgumentException("not an OpenAPI 3.0/3.1 document: " + version);
    }
    document.put("openapi", "3.0.3");
    document.remove("jsonSchemaDialect");
    document.remove("webhooks");
    rewrite(document, "#", document.path("components").path("schemas"));
    return document;
  }

  private static void rewrite(JsonNode node, String at, JsonNode schemas) {
    if (node instanceof ObjectNode object) {
      schema(object, at, schemas);
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        rewrite(field.getValue(), at + "/" + field.getKey(), schemas);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        rewrite(array.get(i), at + "/" + i, schemas);
      }
    }
  }

  /**
   * A nullable field of a named type is {@code anyOf: [{$ref: X}, {type: null}]} in 3.1. The 3.0
   * form {@code allOf: [X], nullable: true} is rejected by the validator for null, so the field
   * becomes a copy of X with {@code nullable: true} (null added to an enum).
   */
  private static void nullableReference(ObjectNode node, JsonNode schemas) {
    JsonNode anyOf = node.path("anyOf");
    if (!anyOf.isArray()
        || anyOf.size() != 2
        || !"null".equals(anyOf.get(1).path("type").asText())) {
      return;
    }
    String ref = anyOf.get(0).path("$ref").asText("");
    String prefix = "#/components/schemas/";
    if (!ref.startsWith(prefix) || !schemas.has(ref.substring(prefix.length()))) {
      return;
    }
    ObjectNode copy = schemas.get(ref.substring(prefix.length())).deepCopy();
    node.remove("anyOf");
    copy.fields().forEachRemaining(field -> node.set(field.getKey(), field.getValue()));
    if (node.path("type").isArray()) {
      ((ArrayNode) node.get("type")).add("null");
    } else if (node.has("type")) {
      node.put("nullable", true);
    } else {
      throw new IllegalArgumentException("cannot make " + ref + " nullable in 3.0: it has no type");
    }
    if (node.path("enum").isArray()) {
      ((ArrayNode) node.get("enum")).addNull();
    }
  }

  /** Rewrites one object if it is a schema in 3.1 form; other objects pass unchanged. */
  private static void schema(ObjectNode node, String at, JsonNode schemas) {
    nullableReference(node, schemas);
    if (node.path("type").isArray()) {
      List<String> types = new ArrayList<>();
      boolean nullable = false;
      for (JsonNode type : node.get("type")) {
        if ("null".equals(type.asText())) {
          nullable = true;
        } else {
          types.add(type.asText());
        }
      }
      if (types.size() != 1) {
        throw new IllegalArgumentException(at + ": type " + node.get("type") + " has no 3.0 form");
      }
      node.put("type", types.get(0));
      if (nullable) {
        node.put("nullable", true);
      }
    }
    if (node.has("$ref") && node.size() > 1 && node.path("$ref").isTextual()) {
      // 3.1 allows siblings of $ref (description, examples); in 3.0 they are ignored anyway.
      node.retain("$ref");
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      if (node.path(combinator).isArray()) {
        for (JsonNode option : node.get(combinator)) {
          if ("null".equals(option.path("type").asText())) {
            throw new IllegalArgumentException(
                at + ": " + combinator + " with a null option has no exact 3.0 form");
          }
        }
      }
    }
    if (node.has("const")) {
      node.set("enum", JSON.arrayNode().add(node.remove("const")));
    }
    if (node.path("examples").isArray()) {
      JsonNode examples = node.remove("examples");
      if (!examples.isEmpty()) {
        node.set("example", examples.get(0));
      }
    }
    for (String bound : List.of("exclusiveMinimum", "exclusiveMaximum")) {
      if (node.path(bound).isNumber()) {
        JsonNode value = node.remove(bound);
        node.set(bound.equals("exclusiveMinimum") ? "minimum" : "maximum", value);
        node.put(bound, true);
      }
    }
  }
}
