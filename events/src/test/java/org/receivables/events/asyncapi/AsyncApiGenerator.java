package org.receivables.events.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;
import org.receivables.events.WebhooksEvent;
import org.receivables.events.webhook.Payloads;
import org.receivables.events.webhook.PublicTypes;

/**
 * Builds the AsyncAPI 3.0 document of the event contract from the event records themselves: one
 * channel per producer's topic (its sealed interface), one message per record, payload schemas by
 * victools from the record components, required fields as the record's constructor enforces them
 * ({@link RecordProbe}), every other field nullable because {@link EventJson} writes its null.
 *
 * <p>The webhook payloads are built the same way from the records of {@link Payloads}: one channel
 * {@value #WEBHOOKS_CHANNEL} (HTTP POST to each subscription's URL, so no fixed address), one
 * message per public type, its payload the {@code {type, timestamp, data}} envelope around the data
 * record's schema.
 */
final class AsyncApiGenerator {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final String KAFKA_BINDING = "0.5.0";

  private static final String HTTP_BINDING = "0.3.0";

  /** The channel of the webhook deliveries ({@code webhooks} is the topic's channel). */
  static final String WEBHOOKS_CHANNEL = "webhookDeliveries";

  private static final String TRACEPARENT = "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

  private AsyncApiGenerator() {}

  static ObjectNode document() {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("asyncapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Receivables events");
    info.put("version", "1.0.0");
    info.put(
        "description",
        "Every event the receivables suite publishes on Kafka, and every webhook it POSTs to a"
            + " tenant's endpoints, generated from the event records and the webhook payload records"
            + " of the events module (docs/events.md and docs/webhooks.md explain them). One topic"
            + " per producer; each record is a CloudEvent in Kafka binary mode: the ce_* headers"
            + " carry its attributes, the value its data as JSON. Each webhook is a signed HTTP POST"
            + " (Standard Webhooks) of {type, timestamp, data}. Consumers and receivers must ignore"
            + " fields they do not know: fields may be added without a new version.");
    doc.put("defaultContentType", "application/json");
    ObjectNode channels = doc.putObject("channels");
    ObjectNode operations = doc.putObject("operations");
    ObjectNode components = doc.putObject("components");
    ObjectNode messages = components.putObject("messages");
    ObjectNode schemas = components.putObject("schemas");
    SchemaGenerator generator = payloadGenerator();
    for (Class<?> producer : DomainEvent.class.getPermittedSubclasses()) {
      String topic = topicOf(producer);
      String service = serviceOf(topic);
      String name = channelOf(topic);
      ObjectNode channel = channels.putObject(name);
      channel.put("address", topic);
      channel.put("title", topic);
      channel.put(
          "description",
          (name.equals(service) ? "The facts " : "The documents ")
              + service
              + "-service owns ("
              + producer.getSimpleName()
              + ").");
      ObjectNode channelMessages = channel.putObject("messages");
      channel.putObject("bindings").putObject("kafka").put("topic", topic);
      ((ObjectNode) channel.get("bindings").get("kafka")).put("bindingVersion", KAFKA_BINDING);
      ObjectNode operation = operations.putObject(name + "Publishes");
      operation.put("action", "send");
      operation.putObject("channel").put("$ref", "#/channels/" + name);
      operation.put(
          "summary", service + "-service publishes its events through its transactional outbox.");
      ArrayNode operationMessages = operation.putArray("messages");
      for (Class<? extends DomainEvent> record :
          EventJson.recordsOf(producer.asSubclass(DomainEvent.class))) {
        String title = record.getSimpleName();
        channelMessages.putObject(title).put("$ref", "#/components/messages/" + title);
        operationMessages.addObject().put("$ref", "#/channels/" + name + "/messages/" + title);
        messages.set(title, message(record, service, producer));
        schemas.set(title, schemaOf(generator, record));
      }
    }
    webhooks(channels, operations, messages, schemas, generator);
    return doc;
  }

  /**
   * The record key's fields: {@code tenantId:customerId}, or {@code tenantId:subscriptionId} for
   * webhooks-service's events, which concern no customer.
   */
  static List<String> keyFields(Class<?> producer) {
    return List.of(
        "tenantId",
        WebhooksEvent.class.isAssignableFrom(producer) ? "subscriptionId" : "customerId");
  }

  private static ObjectNode message(
      Class<? extends DomainEvent> record, String service, Class<?> producer) {
    String type = EventJson.typeOf(record);
    String subject = RecordProbe.subjectField(record);
    ObjectNode message = JSON.createObjectNode();
    message.put("name", type);
    message.put("title", record.getSimpleName());
    message.put("summary", type + " (subject: " + subject + ")");
    message.put("contentType", "application/json");
    message.set("headers", headers(type, "/" + service, subject));
    message.putObject("payload").put("$ref", "#/components/schemas/" + record.getSimpleName());
    ObjectNode kafka = message.putObject("bindings").putObject("kafka");
    ObjectNode key = kafka.putObject("key");
    key.put("type", "string");
    key.put("pattern", "^[^:]+:.+$");
    List<String> fields = keyFields(producer);
    key.put(
        "description",
        String.join(":", fields)
            + ", so that all events of one "
            + fields.get(1).replace("Id", "")
            + " land in one partition, in order.");
    kafka.put("bindingVersion", KAFKA_BINDING);
    return message;
  }

  /** The webhook deliveries: one channel, one message per public type, sent by HTTP POST. */
  private static void webhooks(
      ObjectNode channels,
      ObjectNode operations,
      ObjectNode messages,
      ObjectNode schemas,
      SchemaGenerator generator) {
    ObjectNode channel = channels.putObject(WEBHOOKS_CHANNEL);
    channel.putNull("address");
    channel.put("title", "Webhook deliveries");
    channel.put(
        "description",
        "The public events webhooks-service POSTs to the URL of each subscription that asked for"
            + " their type (docs/webhooks.md), so the address is each subscription's own. A tenant"
            + " receives only its own events. Payloads are separate from the Kafka records above:"
            + " an internal change never changes them.");
    ObjectNode channelMessages = channel.putObject("messages");
    ObjectNode operation = operations.putObject(WEBHOOKS_CHANNEL + "Send");
    operation.put("action", "send");
    operation.putObject("channel").put("$ref", "#/channels/" + WEBHOOKS_CHANNEL);
    operation.put(
        "summary",
        "webhooks-service POSTs each delivery, signed; any answer but 2xx is retried with the same"
            + " webhook-id.");
    ObjectNode http = operation.putObject("bindings").putObject("http");
    http.put("method", "POST");
    http.put("bindingVersion", HTTP_BINDING);
    ArrayNode operationMessages = operation.putArray("messages");
    for (String type : PublicTypes.ALL) {
      Class<? extends Payloads.Data> data = Payloads.BY_TYPE.get(type);
      String title = webhookTitle(type);
      channelMessages.putObject(title).put("$ref", "#/components/messages/" + title);
      operationMessages
          .addObject()
          .put("$ref", "#/channels/" + WEBHOOKS_CHANNEL + "/messages/" + title);
      ObjectNode message = messages.putObject(title);
      message.put("name", type);
      message.put("title", title);
      message.put("summary", "The webhook " + type + " (data: " + data.getSimpleName() + ")");
      message.put("contentType", "application/json");
      message.set("headers", webhookHeaders());
      message.putObject("payload").put("$ref", "#/components/schemas/" + title);
      message.putObject("bindings").putObject("http").put("bindingVersion", HTTP_BINDING);
      schemas.set(title, envelope(type, schemaOf(generator, data)));
    }
  }

  /** The component name of a webhook type's message and schema: its data record's + "Webhook". */
  static String webhookTitle(String type) {
    return Payloads.BY_TYPE.get(type).getSimpleName() + "Webhook";
  }

  /** {@code {type, timestamp, data}}, the data schema inline so that the message stands alone. */
  private static ObjectNode envelope(String type, ObjectNode data) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("type", "object");
    envelope.putArray("required").add("type").add("timestamp").add("data");
    ObjectNode properties = envelope.putObject("properties");
    ObjectNode typeField = properties.putObject("type");
    typeField.put("type", "string");
    typeField.put("const", type);
    ObjectNode timestamp = properties.putObject("timestamp");
    timestamp.put("type", "string");
    timestamp.put("format", "date-time");
    timestamp.put("description", "When the service received the event (the same in a replay).");
    properties.set("data", data);
    return envelope;
  }

  /** The Standard Webhooks headers every delivery carries (docs/webhooks.md, "A delivery"). */
  private static ObjectNode webhookHeaders() {
    ObjectNode headers = JSON.createObjectNode();
    headers.put("type", "object");
    ArrayNode required = headers.putArray("required");
    ObjectNode properties = headers.putObject("properties");
    header(
            properties,
            required,
            "webhook-id",
            "The delivery's id, the same on every attempt: de-duplicate on it.")
        .put("pattern", "^msg_[0-9a-f]{32}$");
    header(properties, required, "webhook-timestamp", "The attempt's time in Unix seconds.")
        .put("pattern", "^[0-9]+$");
    header(
            properties,
            required,
            "webhook-signature",
            "v1, + base64 HMAC-SHA256 of webhook-id.webhook-timestamp.body keyed with the"
                + " subscription's secret; two, space-separated, during a secret rotation.")
        .put("pattern", "^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$");
    header(properties, required, "content-type", "The body's content type.")
        .put("const", "application/json");
    return headers;
  }

  /** The headers the outbox relay sends (SmallRye's CloudEvents binary mode), as strings. */
  private static ObjectNode headers(String type, String source, String subject) {
    ObjectNode headers = JSON.createObjectNode();
    headers.put("type", "object");
    ArrayNode required = headers.putArray("required");
    ObjectNode properties = headers.putObject("properties");
    header(properties, required, "ce_specversion", "CloudEvents version.").put("const", "1.0");
    header(properties, required, "ce_id", "Unique per event: consumers de-duplicate on it.")
        .put("format", "uuid");
    header(properties, required, "ce_type", "The event type.").put("const", type);
    header(properties, required, "ce_source", "The publishing service.").put("const", source);
    header(properties, required, "ce_subject", "The event's " + subject + ".").put("minLength", 1);
    header(properties, required, "ce_time", "When the event was recorded.")
        .put("format", "date-time");
    header(properties, required, "ce_tenantid", "The event's tenantId (extension attribute).")
        .put("minLength", 1);
    header(properties, required, "content-type", "The data's content type.")
        .put("const", "application/json");
    ObjectNode trace =
        header(properties, null, "traceparent", "W3C trace context of the work that recorded it.");
    trace.put("pattern", TRACEPARENT);
    return headers;
  }

  private static ObjectNode header(
      ObjectNode properties, ArrayNode required, String name, String description) {
    ObjectNode header = properties.putObject(name);
    header.put("type", "string");
    header.put("description", description);
    if (required != null) {
      required.add(name);
    }
    return header;
  }

  /**
   * victools maps the record components as Jackson writes them; required and nullable come from the
   * record's constructor, blank required strings are refused like the constructor does.
   */
  private static SchemaGenerator payloadGenerator() {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
            .with(new JacksonSchemaModule())
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forTypesInGeneral().withPropertySorter((a, b) -> 0);
    config.forFields().withRequiredCheck(AsyncApiGenerator::required);
    config.forFields().withNullableCheck(field -> !required(field));
    config
        .forFields()
        .withStringPatternResolver(
            field ->
                !field.isFakeContainerItemScope()
                        && required(field)
                        && field.getType().getErasedType() == String.class
                    ? "\\S"
                    : null);
    return new SchemaGenerator(config.build());
  }

  /**
   * The record's schema as part of the document: victools 5 builds Jackson 3 trees and the document
   * is a Jackson 2 one (as {@link org.receivables.events.AsyncApiDocument} reads it), so the schema
   * crosses as JSON text.
   */
  private static ObjectNode schemaOf(SchemaGenerator generator, Class<?> record) {
    try {
      return (ObjectNode) JSON.readTree(generator.generateSchema(record).toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean required(FieldScope field) {
    if (field.isFakeContainerItemScope()) {
      return true;
    }
    if (field.getType().getErasedType().isPrimitive()) {
      return true;
    }
    Class<?> owner = field.getDeclaringType().getErasedType();
    if (!owner.isRecord()) {
      return false;
    }
    Set<String> required = RecordProbe.requiredFields(owner);
    return required.contains(field.getDeclaredName());
  }

  private static String topicOf(Class<?> producer) {
    try {
      return (String) producer.getField("TOPIC").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(producer.getName() + " declares no TOPIC", e);
    }
  }

  /**
   * {@code receivables.invoicing.v1} and {@code receivables.invoicing.documents.v1} are published
   * by invoicing-service as {@code /invoicing}.
   */
  static String serviceOf(String topic) {
    return parts(topic)[1].toLowerCase(Locale.ROOT);
  }

  /** The channel's name: {@code invoicing}, or {@code invoicingDocuments} for a second topic. */
  static String channelOf(String topic) {
    String[] parts = parts(topic);
    return parts.length == 3
        ? serviceOf(topic)
        : serviceOf(topic)
            + parts[2].substring(0, 1).toUpperCase(Locale.ROOT)
            + parts[2].substring(1).toLowerCase(Locale.ROOT);
  }

  private static String[] parts(String topic) {
    String[] parts = topic.split("\\.");
    if (parts.length < 3 || parts.length > 4 || !parts[0].equals("receivables")) {
      throw new IllegalStateException("Unexpected topic name: " + topic);
    }
    return parts;
  }
}
