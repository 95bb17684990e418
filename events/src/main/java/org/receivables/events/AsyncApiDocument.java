package org.receivables.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The AsyncAPI 3.0 document of the event contract (topics, record key, CloudEvents headers and
 * every type's payload schema) and of the webhook payloads (Standard Webhooks headers and {@code
 * {type, timestamp, data}} per public type), shipped in this jar so that the gateway serves the
 * very file the tests checked. It is generated from the event records and the webhook payload
 * records ({@link org.receivables.events.webhook.Payloads}) by the module's tests, which fail when
 * the committed file differs from what the records say.
 *
 * <p>The lookups below let tests validate what a producer really published, or a receiver really
 * received, against it.
 */
public final class AsyncApiDocument {

  /** Where the document lies on the class path. */
  public static final String RESOURCE = "/org/receivables/events/asyncapi.json";

  private static final String TEXT = load();

  private static final JsonNode TREE = parse(TEXT);

  private AsyncApiDocument() {}

  /** The document as JSON text. */
  public static String json() {
    return TEXT;
  }

  /** The document as a tree; a copy, so callers may change it. */
  public static JsonNode tree() {
    return TREE.deepCopy();
  }

  /**
   * The message of an event type ({@code receivables.invoice.issued.v1}) or of a webhook type
   * ({@code invoice.issued}) with its references resolved: {@code headers}, {@code payload} and, on
   * a topic, {@code bindings.kafka.key} are schemas.
   *
   * @throws IllegalArgumentException when the document names no such type
   */
  public static JsonNode message(String type) {
    for (JsonNode message : TREE.get("components").get("messages")) {
      if (message.get("name").asText().equals(type)) {
        ObjectNode resolved = message.deepCopy();
        resolved.set("payload", resolve(message.get("payload")).deepCopy());
        return resolved;
      }
    }
    throw new IllegalArgumentException("The AsyncAPI document has no message " + type);
  }

  /** The topic whose channel lists the message of this type, or null (also for a webhook type). */
  public static String topicOf(String type) {
    for (JsonNode channel : TREE.get("channels")) {
      if (!channel.path("bindings").has("kafka")) {
        continue;
      }
      for (JsonNode ref : channel.get("messages")) {
        if (resolve(ref).get("name").asText().equals(type)) {
          return channel.get("address").asText();
        }
      }
    }
    return null;
  }

  /** The node a local {@code $ref} such as {@code #/components/schemas/X} points to. */
  public static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : resolve(TREE.at(ref.asText().substring(1)));
  }

  private static String load() {
    try (InputStream in = AsyncApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "AsyncAPI document missing from the class path: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The AsyncAPI document is not JSON", e);
    }
  }
}
