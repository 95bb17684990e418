package org.receivables.system;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates whole HTTP requests for an operation of an OpenAPI document from the document's own
 * schemas (path, query and header parameters, JSON bodies), every value drawn from one seeded
 * {@link Random}: the same seed and document give the same requests. Each value is, by chance,
 * valid for its schema or hostile: wrong type, broken format, too long, unusual or invalid Unicode,
 * NUL and control characters, invalid UTF-8 bytes, huge or out-of-range numbers, deep nesting.
 * Unlike {@code BadInputFuzzIT}, which mutates one example per request, every part of every request
 * is generated, so valid and invalid parts mix.
 */
final class SchemaRequests {

  /** One request, as it goes on the wire: the target is already percent-encoded. */
  record Generated(
      String method,
      String template,
      String target,
      Map<String, String> headers,
      String contentType,
      byte[] body,
      String summary) {}

  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper WRITER = JsonMapper.builder().build();
  private static final ObjectMapper ASCII_WRITER =
      JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

  /** Stands for invalid UTF-8 in a body: replaced by raw bytes after serialisation. */
  private static final String BAD_UTF8_MARK = "\u0091BAD-UTF8\u0092";

  private static final byte[][] BAD_UTF8 = {
    {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}
  };

  private final JsonNode document;
  private final Random random;

  /** Ids of resources the suite created during the run: path ids are drawn from them too. */
  private final List<String> knownIds = new ArrayList<>();

  SchemaRequests(JsonNode document, long seed) {
    this.document = document;
    this.random = new Random(seed);
  }

  void remember(String id) {
    if (id != null && knownIds.size() < 500) {
      knownIds.add(id);
    }
  }

  /** Every operation of the document under {@code /api/}: {method, path template}. */
  List<String[]> operations() {
    List<String[]> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (String method : List.of("get", "post", "put", "patch", "delete")) {
        if (path.getValue().has(method)) {
          operations.add(new String[] {method, path.getKey()});
        }
      }
    }
    return operations;
  }

  Generated next(String method, String template) {
    JsonNode pathItem = document.path("paths").path(template);
    JsonNode operation = pathItem.path(method);
    List<String> notes = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    String path = template;
    StringBuilder query = new StringBuilder();
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(p -> parameters.add(resolve(p)));
    operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
    for (JsonNode parameter : parameters) {
      String name = parameter.path("name").asText();
      JsonNode schema = resolve(parameter.path("schema"));
      switch (parameter.path("in").asText()) {
        case "path" -> {
          String value = pathValue(schema, name, notes);
          path = path.replace("{" + name + "}", value);
        }
        case "query" -> {
          if (parameter.path("required").asBoolean() || chance(0.6)) {
            query.append(query.isEmpty() ? '?' : '&').append(encode(name)).append('=');
            query.append(textValue(schema, name, notes, true));
          }
        }
        case "header" -> {
          if (parameter.path("required").asBoolean() || chance(0.6)) {
            headers.put(name, headerValue(schema, name, notes));
          }
        }
        default -> {}
      }
    }
    // a path parameter the operation does not declare: any id
    path = path.replaceAll("\\{[^}]+}", new UUID(random.nextLong(), random.nextLong()).toString());
    String contentType = null;
    byte[] body = null;
    JsonNode content = operation.path("requestBody").path("content");
    if (content.isObject() && content.size() > 0) {
      List<String> types = new ArrayList<>();
      content.fieldNames().forEachRemaining(types::add);
      contentType = types.get(random.nextInt(types.size()));
      if (contentType.contains("json")) {
        body = jsonBody(resolve(content.path(contentType).path("schema")), notes);
      } else {
        body = otherBody(notes);
      }
      if (chance(0.05)) {
        contentType = pick("text/plain", "application/xml", "application/json; charset=latin-9");
        notes.add("content type " + contentType);
      }
    }
    return new Generated(
        method.toUpperCase(),
        template,
        path + query,
        headers,
        contentType,
        body,
        String.join("; ", notes));
  }

  // ------------------------------------------------------------------ parameters

  private String pathValue(JsonNode schema, String name, List<String> notes) {
    if ("uuid".equals(schema.path("format").asText()) && !knownIds.isEmpty() && chance(0.4)) {
      return knownIds.get(random.nextInt(knownIds.size()));
    }
    return textValue(schema, name, notes, false);
  }

  /** A parameter value, percent-encoded (or, for hostile bytes, encoded as the bytes they are). */
  private String textValue(JsonNode schema, String name, List<String> notes, boolean query) {
    if (chance(0.5)) {
      return encode(scalarText(schema));
    }
    int kind = random.nextInt(query ? 9 : 10);
    notes.add(name + " hostile#" + kind);
    return switch (kind) {
      case 0 -> "%00" + encode(scalarText(schema));
      case 1 -> encode(controls(1, 8));
      case 2 -> pick("%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "%F4%90%80%80");
      case 3 -> encode(" ".repeat(1 + random.nextInt(3)));
      case 4 -> encode(anyUnicode(1, 30));
      case 5 -> encode(unicodeOddities());
      case 6 -> encode("x".repeat(pick(256, 1000, 3000)));
      case 7 -> encode(hugeNumber());
      case 8 -> encode(wrongFormat(schema));
      default -> pick("..", "%2e%2e", "%2F", "%5C");
    };
  }

  private String headerValue(JsonNode schema, String name, List<String> notes) {
    if (chance(0.6)) {
      return latin1(scalarText(schema));
    }
    notes.add(name + " header hostile");
    return switch (random.nextInt(5)) {
      case 0 -> " ";
      case 1 -> "x".repeat(pick(100, 2000, 8000));
      case 2 -> "\u00e9t\u00e9";
      case 3 -> wrongFormat(schema);
      default -> "\"" + UUID.randomUUID() + "\", W/\"x\", *";
    };
  }

  // ------------------------------------------------------------------ bodies

  private byte[] jsonBody(JsonNode schema, List<String> notes) {
    int kind = random.nextInt(20);
    String text;
    if (kind == 0) {
      notes.add("body nested " + (text = nested(pick(50, 999, 1001, 3000, 20_000))).length() / 2);
    } else if (kind == 1) {
      notes.add("body not an object");
      text = pick("null", "[]", "\"\"", "0", "true", "[{}]", "");
    } else if (kind == 2) {
      notes.add("truncated body");
      String whole = write(value(schema, 0, notes, true), false);
      text = whole.substring(0, random.nextInt(Math.max(1, whole.length())));
    } else {
      text = write(value(schema, 0, notes, kind % 3 == 0), chance(0.3));
    }
    return withBadUtf8(text);
  }

  private byte[] otherBody(List<String> notes) {
    notes.add("non-JSON body");
    String text =
        switch (random.nextInt(4)) {
          case 0 -> "<a>" + "<b>".repeat(2000) + "</b>".repeat(2000) + "</a>";
          case 1 ->
              "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><d>&e;</d>";
          case 2 -> anyUnicode(0, 200);
          default -> "<Document>" + BAD_UTF8_MARK + "</Document>";
        };
    return withBadUtf8(text);
  }

  /**
   * A value for {@code schema}: with {@code hostile}, a property (or the value itself) may be
   * replaced by a hostile one; without, valid for its schema where the generator can tell.
   */
  private JsonNode value(JsonNode schema, int depth, List<String> notes, boolean hostile) {
    schema = resolve(schema);
    if (hostile && chance(depth == 0 ? 0.1 : 0.15)) {
      return hostileNode(schema, notes);
    }
    if (schema.has("oneOf") || schema.has("anyOf")) {
      JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
      return value(options.get(random.nextInt(options.size())), depth + 1, notes, hostile);
    }
    if (schema.has("allOf")) {
      ObjectNode merged = NODES.objectNode();
      for (JsonNode part : schema.get("allOf")) {
        if (value(part, depth + 1, notes, hostile) instanceof ObjectNode o) {
          merged.setAll(o);
        }
      }
      return merged;
    }
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.size() == 0 ? NODES.nullNode() : values.get(random.nextInt(values.size()));
    }
    String type = type(schema);
    if (depth > 6) {
      return NODES.nullNode();
    }
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
          Map.Entry<String, JsonNode> property = properties.next();
          if (required.contains(property.getKey()) || chance(0.5)) {
            object.set(property.getKey(), value(property.getValue(), depth + 1, notes, hostile));
          }
        }
        if (hostile && chance(0.05)) {
          notes.add("unknown property");
          object.put("unexpected" + random.nextInt(100), "x");
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(3), min + 3);
        int size = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < size; i++) {
          array.add(value(schema.path("items"), depth + 1, notes, hostile));
        }
        return array;
      }
      case "integer" -> {
        long min = schema.path("minimum").asLong(-5);
        long max = schema.path("maximum").asLong(Math.max(min, 0) + 1000);
        return NODES.numberNode(between(min, max));
      }
      case "number" -> {
        BigDecimal min = schema.path("minimum").decimalValue();
        if (!schema.has("minimum")) {
          min = BigDecimal.ZERO;
        }
        BigDecimal max =
            schema.has("maximum")
                ? schema.get("maximum").decimalValue()
                : min.add(BigDecimal.TEN.pow(5));
        return NODES.numberNode(between(min, max.max(min), random.nextInt(3)));
      }
      case "boolean" -> {
        return NODES.booleanNode(random.nextBoolean());
      }
      default -> {
        return NODES.textNode(scalarText(schema));
      }
    }
  }

  private JsonNode hostileNode(JsonNode schema, List<String> notes) {
    int kind = random.nextInt(12);
    notes.add("field hostile#" + kind);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.textNode("a\u0000b");
      case 2 -> NODES.textNode(controls(1, 5));
      case 3 -> NODES.textNode(BAD_UTF8_MARK);
      case 4 -> NODES.textNode(unicodeOddities());
      case 5 ->
          NODES.textNode("y".repeat(pick(schema.path("maxLength").asInt(255) + 1, 5000, 70_000)));
      case 6 -> NODES.rawValueNode(new RawValue(hugeNumber()));
      case 7 -> NODES.rawValueNode(new RawValue(nested(pick(10, 500, 2000))));
      case 8 -> "string".equals(type(schema)) ? NODES.numberNode(42) : NODES.textNode("forty-two");
      case 9 -> NODES.textNode(wrongFormat(schema));
      case 10 -> NODES.textNode(" ".repeat(1 + random.nextInt(3)));
      default -> NODES.objectNode().set("nested", NODES.arrayNode().add(1));
    };
  }

  // ------------------------------------------------------------------ scalars

  /** A value of a scalar schema as text, valid where the generator knows the format. */
  private String scalarText(JsonNode schema) {
    schema = resolve(schema);
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size())).asText();
    }
    String type = type(schema);
    if (type.equals("integer")) {
      long min = schema.path("minimum").asLong(0);
      long max = schema.path("maximum").asLong(min + 200);
      return Long.toString(between(min, max));
    }
    if (type.equals("number")) {
      return between(BigDecimal.ZERO, new BigDecimal(100_000), 2).toPlainString();
    }
    if (type.equals("boolean")) {
      return Boolean.toString(random.nextBoolean());
    }
    int minLength = schema.path("minLength").asInt(1);
    int maxLength = schema.path("maxLength").asInt(40);
    return switch (schema.path("format").asText()) {
      case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
      case "date" -> LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730) - 365).toString();
      case "date-time" -> LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)) + "T10:15:30Z";
      case "email" -> text(ALPHA, 1, 12) + "@example.com";
      case "uri" -> "https://example.com/" + text(ALPHA, 0, 10);
      default ->
          schema.has("example")
              ? schema.get("example").asText()
              : text(
                  ALPHA + "0123456789 -'éà",
                  Math.max(1, minLength),
                  Math.max(Math.max(1, minLength), Math.min(maxLength, 40)));
    };
  }

  private String wrongFormat(JsonNode schema) {
    return switch (resolve(schema).path("format").asText()) {
      case "uuid" -> pick("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "{}", "0");
      case "date" -> pick("2026-02-30", "2026-13-01", "31/12/2026", "0000-00-00", "+99999-01-01");
      case "date-time" -> pick("2026-02-30T10:00:00Z", "yesterday", "2026-01-01T25:00:00Z");
      default -> pick("-1", "abc", "1e400", "NaN", "Infinity", "[]", "true", "%");
    };
  }

  private String unicodeOddities() {
    return pick(
        "\uD83D\uDCB6\u20AC\uD83C\uDDEB\uD83C\uDDF7",
        "\u202Eevil\u202C",
        "e\u0301\u0301\u0301\u0301",
        "\u200B\u200D\uFEFF",
        "\uD800",
        "\uDFFF\uD800",
        "\uFFFE\uFFFF",
        "\u0130\u0131\u00DF",
        "\u00A0",
        "\uD834\uDD1E".repeat(300));
  }

  private String hugeNumber() {
    return pick(
        "1e400",
        "-1e400",
        "1" + "0".repeat(1100),
        "99999999999999999999999999999999",
        "9223372036854775808",
        "-0",
        "0.0000000000000000000000000001",
        "123456789012345678901234567890.123456789");
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  // ------------------------------------------------------------------ helpers

  private String write(JsonNode node, boolean asciiOnly) {
    try {
      return (asciiOnly ? ASCII_WRITER : WRITER).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // a lone surrogate cannot be written as UTF-8: escape it instead
      try {
        return ASCII_WRITER.writeValueAsString(node);
      } catch (JsonProcessingException again) {
        throw new IllegalStateException(again);
      }
    }
  }

  /** The UTF-8 bytes of {@code text}, with invalid UTF-8 wherever the mark stands. */
  private byte[] withBadUtf8(String text) {
    if (!text.contains(BAD_UTF8_MARK) && !text.contains("\\u0091BAD-UTF8\\u0092")) {
      return utf8(text);
    }
    String[] parts = text.split("\u0091BAD-UTF8\u0092|\\\\u0091BAD-UTF8\\\\u0092", -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
      }
      out.writeBytes(utf8(parts[i]));
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    // a lone surrogate becomes '?' here, as any Java client would send it
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Percent-encodes every byte of the UTF-8 form but unreserved characters (RFC 3986). */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : utf8(value)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** What a header can carry through an HTTP client: Latin-1 without control characters. */
  private static String latin1(String value) {
    return value.replaceAll("[^\\x20-\\x7e\\xa0-\\xff]", "?");
  }

  private JsonNode resolve(JsonNode node) {
    int hops = 0;
    while (node != null && node.has("$ref") && hops++ < 10) {
      String ref = node.get("$ref").asText();
      node = document.at(ref.substring(1));
    }
    return node == null || node.isMissingNode() ? NODES.objectNode() : node;
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
      return "string";
    }
    if (type.isTextual()) {
      return type.asText();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  private long between(long min, long max) {
    return max <= min ? min : min + (long) (random.nextDouble() * ((double) max - min + 1));
  }

  private BigDecimal between(BigDecimal min, BigDecimal max, int scale) {
    return max.subtract(min)
        .multiply(BigDecimal.valueOf(random.nextDouble()))
        .add(min)
        .setScale(scale, java.math.RoundingMode.DOWN)
        .max(min.setScale(scale, java.math.RoundingMode.UP));
  }

  /** {@code min} to {@code max} characters of {@code alphabet}. */
  private String text(String alphabet, int min, int max) {
    int length = min + random.nextInt(Math.max(1, max - min + 1));
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Control characters U+0001 to U+001F. */
  private String controls(int min, int max) {
    StringBuilder alphabet = new StringBuilder();
    for (char c = 1; c < 0x20; c++) {
      alphabet.append(c);
    }
    return text(alphabet.toString(), min, max);
  }

  /**
   * Any UTF-16 code units: ASCII, the rest of the BMP (surrogates included, so lone ones occur) and
   * supplementary characters.
   */
  private String anyUnicode(int min, int max) {
    int length = min + random.nextInt(Math.max(1, max - min + 1));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(3)) {
        case 0 -> out.append((char) random.nextInt(0x80));
        case 1 -> out.append((char) random.nextInt(0x10000));
        default -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
      }
    }
    return out.toString();
  }
}
