package org.receivables.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.receivables.events.AsyncApiDocument;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.Topics;
import org.receivables.events.webhook.PayloadJson;
import org.receivables.events.webhook.Payloads;
import org.receivables.events.webhook.PublicTypes;

/**
 * The AsyncAPI document cannot drift from the event records: the committed file must be what the
 * records generate, it must be a valid AsyncAPI 3.0.0 document by the AsyncAPI project's own JSON
 * Schema, every event type, written by {@link EventJson}, must match its payload schema, and every
 * webhook type, written by {@link PayloadJson}, its own.
 *
 * <p>After changing an event record, regenerate the file with {@code -Dasyncapi.update=true} and
 * commit it.
 */
class AsyncApiDocumentTest {

  private static final Path COMMITTED = Path.of("src/main/resources" + AsyncApiDocument.RESOURCE);

  /** Version 6.11.1 of npm's @asyncapi/specs, schemas/3.0.0-without-$id.json (README beside it). */
  private static final String OFFICIAL_SCHEMA = "/asyncapi/asyncapi-3.0.0.schema.json";

  private static final String OFFICIAL_SCHEMA_SHA256 =
      "abe96881dbfaad495ccbb6bd8d3fb43ca18a13b9d7564849ccb66f39d5e5b20f";

  private static final SchemaRegistry DRAFT_7 =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private final JsonNode served = AsyncApiDocument.tree();

  @Test
  void theCommittedDocumentIsTheOneTheEventRecordsGenerate() throws Exception {
    ObjectNode generated = AsyncApiGenerator.document();
    String text =
        AsyncApiGenerator.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated)
            + "\n";
    if (Boolean.getBoolean("asyncapi.update")) {
      Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
    }
    assertThat(read(Files.readString(COMMITTED)))
        .as(
            "%s differs from what the event records generate: run this test with"
                + " -Dasyncapi.update=true and commit the file",
            COMMITTED)
        .isEqualTo(generated);
    assertThat(served).as("the document in the jar").isEqualTo(read(Files.readString(COMMITTED)));
  }

  @Test
  void theDocumentIsValidByTheOfficialAsyncApi300Schema() throws Exception {
    byte[] official;
    try (InputStream in = getClass().getResourceAsStream(OFFICIAL_SCHEMA)) {
      official = in.readAllBytes();
    }
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(official)))
        .as("the official schema file is unaltered")
        .isEqualTo(OFFICIAL_SCHEMA_SHA256);
    Draft7 asyncApi = draft7(read(new String(official, StandardCharsets.UTF_8)));

    assertThat(asyncApi.validate(served)).isEmpty();

    // the check can fail: a document the specification forbids is refused
    ObjectNode broken = served.deepCopy();
    ((ObjectNode) broken.get("operations").get("invoicingPublishes")).put("action", "publish");
    broken.remove("info");
    assertThat(asyncApi.validate(broken)).isNotEmpty();
  }

  @Test
  void everyTopicIsAChannelWithExactlyItsProducersTypes() {
    List<String> addresses = new ArrayList<>();
    List<JsonNode> topics = new ArrayList<>();
    for (JsonNode channel : served.get("channels")) {
      if (channel.path("bindings").has("kafka")) {
        addresses.add(channel.get("address").asText());
        topics.add(channel);
      }
    }
    assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    assertThat(served.get("channels").size())
        .as("the topics and the webhook deliveries")
        .isEqualTo(topics.size() + 1);
    Set<String> described = new TreeSet<>();
    for (JsonNode channel : topics) {
      for (JsonNode ref : channel.get("messages")) {
        JsonNode message = AsyncApiDocument.resolve(ref);
        String type = message.get("name").asText();
        assertThat(EventJson.types()).containsKey(type);
        assertThat(EventJson.types().get(type).getSimpleName())
            .isEqualTo(message.get("title").asText());
        assertThat(DomainEvent.class.cast(RecordProbe.full(EventJson.types().get(type))).topic())
            .as(type)
            .isEqualTo(channel.get("address").asText());
        described.add(type);
      }
    }
    assertThat(described).containsExactlyElementsOf(EventJson.types().keySet());
  }

  @Test
  void everyEventTypeAsEventJsonWritesItMatchesItsPayloadSchema() {
    for (Map.Entry<String, Class<? extends DomainEvent>> type : EventJson.types().entrySet()) {
      JsonNode message = AsyncApiDocument.message(type.getKey());
      Draft7 payload = draft7(message.get("payload"));
      for (DomainEvent event :
          List.of(RecordProbe.full(type.getValue()), RecordProbe.minimal(type.getValue()))) {
        JsonNode data = read(EventJson.write(event));
        assertThat(payload.validate(data)).as("%s: %s", type.getKey(), data).isEmpty();
        assertThat(fieldNames(data))
            .as("%s: the schema names exactly the fields EventJson writes", type.getKey())
            .isEqualTo(fieldNames(message.get("payload").get("properties")));
        List<String> keyFields = AsyncApiGenerator.keyFields(type.getValue());
        assertThat(event.key())
            .matches(message.at("/bindings/kafka/key/pattern").asText())
            .isEqualTo(
                data.get(keyFields.get(0)).asText() + ":" + data.get(keyFields.get(1)).asText());
      }
    }
  }

  @Test
  void theWebhookDeliveriesAreAChannelWithExactlyThePublicTypesSentByHttpPost() {
    JsonNode channel = served.get("channels").get(AsyncApiGenerator.WEBHOOKS_CHANNEL);
    assertThat(channel.get("address").isNull()).as("each subscription's own URL").isTrue();
    List<String> types = new ArrayList<>();
    for (JsonNode ref : channel.get("messages")) {
      types.add(AsyncApiDocument.resolve(ref).get("name").asText());
    }
    assertThat(types).containsExactlyElementsOf(PublicTypes.ALL);
    JsonNode send = served.at("/operations/" + AsyncApiGenerator.WEBHOOKS_CHANNEL + "Send");
    assertThat(send.get("action").asText()).isEqualTo("send");
    assertThat(send.at("/bindings/http/method").asText()).isEqualTo("POST");
    for (String type : PublicTypes.ALL) {
      assertThat(AsyncApiDocument.topicOf(type)).as("%s is no Kafka message", type).isNull();
    }
  }

  @Test
  void everyWebhookTypeAsPayloadJsonWritesItMatchesItsPayloadSchema() {
    Instant received = Instant.parse("2026-12-07T10:00:00Z");
    for (String type : PublicTypes.ALL) {
      JsonNode message = AsyncApiDocument.message(type);
      Draft7 payload = draft7(message.get("payload"));
      Class<? extends Payloads.Data> record = Payloads.BY_TYPE.get(type);
      for (Payloads.Data data : List.of(RecordProbe.full(record), RecordProbe.minimal(record))) {
        JsonNode body = read(PayloadJson.write(type, received, data));
        assertThat(payload.validate(body)).as("%s: %s", type, body).isEmpty();
        assertThat(fieldNames(body.get("data")))
            .as("%s: the schema names exactly the fields PayloadJson writes", type)
            .isEqualTo(fieldNames(message.get("payload").at("/properties/data/properties")));
      }
    }
  }

  @Test
  void aWebhookThatBreaksTheContractIsRefused() {
    JsonNode message = AsyncApiDocument.message(PublicTypes.INVOICE_ISSUED);
    Draft7 issued = draft7(message.get("payload"));
    ObjectNode body =
        (ObjectNode)
            read(
                PayloadJson.write(
                    PublicTypes.INVOICE_ISSUED,
                    Instant.parse("2026-12-07T10:00:00Z"),
                    RecordProbe.full(Payloads.InvoiceIssued.class)));
    assertThat(issued.validate(body)).isEmpty();
    assertThat(issued.validate(body.deepCopy().put("type", "invoice.paid"))).isNotEmpty();
    assertThat(issued.validate(body.deepCopy().without("timestamp"))).isNotEmpty();
    ObjectNode data = (ObjectNode) body.get("data");
    for (ObjectNode broken :
        List.of(
            data.deepCopy().<ObjectNode>without("sequence"),
            data.deepCopy().putNull("invoiceId"),
            data.deepCopy().put("totalInclTax", "1200.50"),
            data.deepCopy().put("dueDate", "31/01/2026"))) {
      assertThat(issued.validate(body.deepCopy().set("data", broken)))
          .as("%s", broken)
          .isNotEmpty();
    }
    assertThat(issued.validate(body.deepCopy().set("data", data.deepCopy().putNull("totalTax"))))
        .isEmpty();

    Draft7 headers = draft7(message.get("headers"));
    ObjectNode sent = AsyncApiGenerator.JSON.createObjectNode();
    sent.put("webhook-id", "msg_0194f1c2a3b4f0a1b2c3d4e5f6a7b8c9");
    sent.put("webhook-timestamp", "1765101600");
    sent.put("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=");
    sent.put("content-type", "application/json");
    assertThat(headers.validate(sent)).isEmpty();
    assertThat(
            headers.validate(
                sent.deepCopy()
                    .put(
                        "webhook-signature",
                        "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
                            + " v1,Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg=")))
        .isEmpty();
    assertThat(headers.validate(sent.deepCopy().put("webhook-signature", "sha256=abc")))
        .isNotEmpty();
    assertThat(headers.validate(sent.deepCopy().without("webhook-id"))).isNotEmpty();
  }

  @Test
  void aPayloadThatBreaksTheContractIsRefused() {
    Draft7 issued = draft7(AsyncApiDocument.message(InvoiceIssued.TYPE).get("payload"));
    ObjectNode data = (ObjectNode) read(EventJson.write(RecordProbe.full(InvoiceIssued.class)));
    assertThat(issued.validate(data)).isEmpty();
    assertThat(issued.validate(data.deepCopy().without("dueDate"))).isNotEmpty();
    assertThat(issued.validate(data.deepCopy().put("totalInclTax", "1200.50"))).isNotEmpty();
    assertThat(issued.validate(data.deepCopy().put("issueDate", "31/01/2026"))).isNotEmpty();
    assertThat(issued.validate(data.deepCopy().putNull("invoiceId"))).isNotEmpty();
    assertThat(issued.validate(data.deepCopy().put("number", " "))).isNotEmpty();
    assertThat(issued.validate(data.deepCopy().putNull("outstanding"))).isEmpty();
  }

  /**
   * A schema of the document read as draft-07 (the AsyncAPI 3.0 default schema format). networknt 3
   * works on Jackson 3 trees and the document is a Jackson 2 one, so both cross as JSON text.
   */
  private static Draft7 draft7(JsonNode schema) {
    return new Draft7(DRAFT_7.getSchema(schema.toString(), InputFormat.JSON));
  }

  private record Draft7(Schema schema) {
    List<Error> validate(JsonNode instance) {
      return schema.validate(instance.toString(), InputFormat.JSON);
    }
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode read(String json) {
    try {
      return AsyncApiGenerator.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
