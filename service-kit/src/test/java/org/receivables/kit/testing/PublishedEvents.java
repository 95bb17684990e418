package org.receivables.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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

  private static final JsonSchemaFactory DRAFT_7 =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

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
    for (ValidationMessage problem : DRAFT_7.getSchema(schema).validate(value)) {
      out.add(part + ": " + problem.getMessage());
    }
  }
}
