package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated invalid requests for every operation of the merged OpenAPI document: wrong types,
 * missing and extra fields, huge strings and numbers, wrong content types, broken JSON, invalid
 * dates and ids. None may get a 5xx, and every refusal is problem+json. Seeded ({@code
 * -Dfuzz.seed}), so a failure replays exactly; {@code -Dfuzz.perOperation} sets the volume.
 */
class BadInputFuzzIT {

  private static final String GATEWAY =
      System.getProperty("suite.gateway.url", "http://127.0.0.1:8080");
  private static final long SEED = Long.getLong("fuzz.seed", 20261123L);
  private static final int PER_OPERATION = Integer.getInteger("fuzz.perOperation", 40);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  /** Mutations that make any request invalid: the answer must be a 4xx. */
  private static final Set<String> ALWAYS_INVALID =
      Set.of("brokenJson", "wrongContentType", "extraField", "arrayBody", "wrongType");

  private record Probe(String kind, String contentType, String body, String path) {}

  @Test
  @SuppressWarnings("unchecked")
  void noGeneratedBadRequestGetsA5xxAndEveryRefusalIsAProblem() throws Exception {
    JsonPath document =
        given().baseUri(GATEWAY).get("/q/openapi").then().statusCode(200).extract().jsonPath();
    Map<String, Object> schemas = document.getMap("components.schemas");
    Map<String, Map<String, Object>> paths = document.getMap("paths");
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int sent = 0;

    for (var pathEntry : paths.entrySet()) {
      String template = pathEntry.getKey();
      if (!template.startsWith("/api/")) {
        continue;
      }
      for (var op : pathEntry.getValue().entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String method = op.getKey();
        Map<String, Object> operation = (Map<String, Object>) op.getValue();
        Map<String, Object> bodySchema = bodySchema(operation, schemas);
        for (int i = 0; i < PER_OPERATION; i++) {
          Probe probe = probe(random, template, bodySchema, schemas, method);
          Response response = send(method, probe, operation, random);
          sent++;
          int status = response.statusCode();
          String where = method.toUpperCase() + " " + template + " [" + probe.kind() + "]";
          if (status >= 500) {
            failures.add(where + ": " + status + " " + abbreviate(response.asString()));
          } else if (status >= 400
              && status != 405
              && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(
                where + ": " + status + " without problem+json (" + response.contentType() + ")");
          } else if (status < 400 && ALWAYS_INVALID.contains(probe.kind()) && bodySchema != null) {
            failures.add(where + ": accepted with " + status);
          }
        }
      }
    }
    assertThat(sent).as("requests sent").isGreaterThan(100);
    assertThat(failures).as("seed %d, %d requests", SEED, sent).isEmpty();
  }

  private static Response send(
      String method, Probe probe, Map<String, Object> operation, Random random) {
    RequestSpecification request =
        given().baseUri(GATEWAY).header("X-API-Key", "acme-admin-key").urlEncodingEnabled(true);
    for (String query : queryNames(operation)) {
      request.queryParam(query, junkScalar(random));
    }
    if (probe.body() != null) {
      request.contentType(probe.contentType()).body(probe.body());
    }
    return request.request(method.toUpperCase(), probe.path());
  }

  @SuppressWarnings("unchecked")
  private static Probe probe(
      Random random,
      String template,
      Map<String, Object> bodySchema,
      Map<String, Object> schemas,
      String method)
      throws Exception {
    String path = template.replaceAll("\\{[^}]+}", junkId(random));
    if (bodySchema == null || method.equals("get") || method.equals("delete")) {
      return new Probe("badIdsAndQuery", null, null, path);
    }
    Map<String, Object> valid = (Map<String, Object>) example(bodySchema, schemas, random, 0);
    String json = "application/json";
    return switch (random.nextInt(9)) {
      case 0 -> new Probe("brokenJson", json, JSON.writeValueAsString(valid).substring(1), path);
      case 1 -> new Probe("wrongContentType", "text/plain", "hello", path);
      case 2 -> {
        valid.put("unexpected" + random.nextInt(1000), "x");
        yield new Probe("extraField", json, JSON.writeValueAsString(valid), path);
      }
      case 3 -> new Probe("arrayBody", json, "[" + JSON.writeValueAsString(valid) + "]", path);
      case 4 -> {
        String field = anyField(valid, random);
        if (field == null) {
          yield new Probe("brokenJson", json, "{", path);
        }
        valid.put(
            field,
            valid.get(field) instanceof String
                ? Map.of("nested", List.of(1, 2))
                : "not-a-" + field);
        yield new Probe("wrongType", json, JSON.writeValueAsString(valid), path);
      }
      case 5 -> {
        String field = anyField(valid, random);
        if (field != null) {
          valid.remove(field);
        }
        yield new Probe("missingField", json, JSON.writeValueAsString(valid), path);
      }
      case 6 -> {
        String field = anyField(valid, random);
        if (field != null) {
          valid.put(field, "x".repeat(100_000 + random.nextInt(1000)));
        }
        yield new Probe("hugeString", json, JSON.writeValueAsString(valid), path);
      }
      case 7 -> {
        String body = JSON.writeValueAsString(valid);
        String field = anyField(valid, random);
        body =
            field == null
                ? body
                : body.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":1e400");
        yield new Probe("hugeNumber", json, body, path);
      }
      default -> {
        String field = anyField(valid, random);
        if (field != null) {
          valid.put(
              field,
              List.of("2026-02-30", "31/12/2026", "", "0000-00-00", "2026-13-01")
                  .get(random.nextInt(5)));
        }
        yield new Probe("invalidDate", json, JSON.writeValueAsString(valid), path);
      }
    };
  }

  /** A plausible value for a schema: enough to reach validation, not to be accepted as is. */
  @SuppressWarnings("unchecked")
  private static Object example(
      Map<String, Object> schema, Map<String, Object> schemas, Random random, int depth) {
    if (schema == null || depth > 4) {
      return null;
    }
    Object ref = schema.get("$ref");
    if (ref instanceof String r) {
      return example(
          (Map<String, Object>) schemas.get(r.substring(r.lastIndexOf('/') + 1)),
          schemas,
          random,
          depth + 1);
    }
    Object type = schema.get("type");
    if (type instanceof List<?> types) {
      type =
          types.stream()
              .map(String::valueOf)
              .filter(t -> !"null".equals(t))
              .findFirst()
              .orElse("string");
    }
    if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
      return values.get(0);
    }
    if ("object".equals(type) || schema.containsKey("properties")) {
      Map<String, Object> object = new LinkedHashMap<>();
      Map<String, Object> properties =
          (Map<String, Object>) schema.getOrDefault("properties", Map.of());
      properties.forEach(
          (name, sub) ->
              object.put(name, example((Map<String, Object>) sub, schemas, random, depth + 1)));
      return object;
    }
    if ("array".equals(type)) {
      return List.of(
          example((Map<String, Object>) schema.get("items"), schemas, random, depth + 1));
    }
    if ("integer".equals(type) || "number".equals(type)) {
      return 1;
    }
    if ("boolean".equals(type)) {
      return true;
    }
    String format = String.valueOf(schema.get("format"));
    return switch (format) {
      case "date" -> "2026-01-15";
      case "date-time" -> "2026-01-15T10:00:00Z";
      case "uuid" -> UUID.randomUUID().toString();
      default -> "text";
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> bodySchema(
      Map<String, Object> operation, Map<String, Object> schemas) {
    if (!(operation.get("requestBody") instanceof Map<?, ?> body)
        || !(body.get("content") instanceof Map<?, ?> content)
        || !(content.get("application/json") instanceof Map<?, ?> media)) {
      return null;
    }
    return (Map<String, Object>) media.get("schema");
  }

  @SuppressWarnings("unchecked")
  private static List<String> queryNames(Map<String, Object> operation) {
    List<String> names = new ArrayList<>();
    if (operation.get("parameters") instanceof List<?> parameters) {
      for (Object p : parameters) {
        if (p instanceof Map<?, ?> param && "query".equals(param.get("in"))) {
          names.add(String.valueOf(param.get("name")));
        }
      }
    }
    return names;
  }

  private static String anyField(Map<String, Object> object, Random random) {
    if (object.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>(object.keySet());
    return names.get(random.nextInt(names.size()));
  }

  private static String junkId(Random random) {
    return List.of(
            "not-a-uuid",
            UUID.randomUUID().toString(),
            "12345",
            "%20",
            "x".repeat(300),
            "00000000-0000-0000-0000-00000000000g")
        .get(random.nextInt(6));
  }

  private static String junkScalar(Random random) {
    return List.of(
            "2026-02-30", "-1", "abc", "99999999999999999999", "", "%", "EURO", "1e400", "null")
        .get(random.nextInt(9));
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
