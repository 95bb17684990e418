package org.receivables.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.receivables.events.AsyncApiDocument;

/**
 * Checks what a service really published (key, CloudEvents headers, data) against the events'
 * AsyncAPI document with a JSON Schema validator, so that the document describes what the outbox
 * sends and not only what the event records say.
 */
public final class PublishedEvents {

  private static final SchemaRegistry DRAFT_7 =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private static final ObjectMapper JSON = new ObjectMapper();

  private PublishedEvents() {}

  /**
   * Waits like {@link KafkaReader#await} for a record the service published on one of the
   * contract's topics, and fails unless it matches the document.
   */
  public static KafkaReader.Received await(
      String topic, Predicate<KafkaReader.Received> match, Duration timeout) {
    KafkaReader.Received record = KafkaReader.await(topic, match, timeout);
    List<String> violations = violations(topic, record);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "A record on " + topic + " breaks the AsyncAPI document: " + violations + "; " + record);
    }
    return record;
  }

  /** What a record read from {@code topic} does not fulfil of the document; empty when valid. */
  public static List<String> violations(String topic, KafkaReader.Received record) {
    List<String> violations = new ArrayList<>();
    String type = record.headers().get("ce_type");
    JsonNode message;
    try {
      message = AsyncApiDocument.message(String.valueOf(type));
    } catch (IllegalArgumentException e) {
      violations.add("ce_type " + type + ": " + e.getMessage());
      return violations;
    }
    if (!topic.equals(AsyncApiDocument.topicOf(type))) {
      violations.add(type + " is not a message of " + topic);
    }
    ObjectNode headers = JSON.createObjectNode();
    record.headers().forEach(headers::put);
    check("headers", message.get("headers"), headers, violations);
    check("key", message.at("/bindings/kafka/key"), JSON.valueToTree(record.key()), violations);
    try {
      check("payload", message.get("payload"), JSON.readTree(record.value()), violations);
    } catch (IOException e) {
      violations.add("payload is not JSON: " + e.getMessage());
    }
    return violations;
  }

  private static void check(String part, JsonNode schema, JsonNode value, List<String> out) {
    for (String problem : violations(schema, value)) {
      out.add(part + ": " + problem);
    }
  }

  /**
   * What {@code value} does not fulfil of {@code schema}, a schema of the document (draft-07, the
   * AsyncAPI default), each as its location and message; empty when valid. networknt 3 works on
   * Jackson 3 trees and the document is a Jackson 2 one, so both cross as JSON text.
   */
  public static List<String> violations(JsonNode schema, JsonNode value) {
    List<String> violations = new ArrayList<>();
    for (Error problem :
        DRAFT_7
            .getSchema(schema.toString(), InputFormat.JSON)
            .validate(value.toString(), InputFormat.JSON)) {
      violations.add(problem.toString());
    }
    return violations;
  }
}
