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
    rewrite(document, "#");
    return document;
  }

  private static void rewrite(JsonNode node, String at) {
    if (node instanceof ObjectNode object) {
      schema(object, at);
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        rewrite(field.getValue(), at + "/" + field.getKey());
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        rewrite(array.get(i), at + "/" + i);
      }
    }
  }

  /** Rewrites one object if it is a schema in 3.1 form; other objects pass unchanged. */
  private static void schema(ObjectNode node, String at) {
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
