package org.receivables.kit.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;

/**
 * Writes records to the real broker, for consumer tests: well-formed CloudEvents or deliberate
 * junk.
 */
public final class KafkaWriter {

  private KafkaWriter() {}

  /**
   * Publishes {@code event} as a binary-mode CloudEvent with the given id, as a service's relay
   * does.
   */
  public static void publish(String topic, String eventId, DomainEvent event) {
    publish(topic, eventId, event, Map.of());
  }

  /** The same, with more headers (a {@code traceparent}, say). */
  public static void publish(
      String topic, String eventId, DomainEvent event, Map<String, String> more) {
    publishKeyed(topic, event.key(), eventId, event, more);
  }

  /** The same under a key of the caller's choice (one naming another tenant, say). */
  public static void publishKeyed(
      String topic, String key, String eventId, DomainEvent event, Map<String, String> more) {
    Map<String, String> headers = new java.util.HashMap<>(more);
    headers.putAll(
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            eventId,
            "ce_type",
            event.type(),
            "ce_source",
            "/test",
            "ce_subject",
            event.subject(),
            "ce_tenantid",
            event.tenantId(),
            "content-type",
            "application/json"));
    send(topic, key, EventJson.write(event), headers);
  }

  public static void send(String topic, String key, String value, Map<String, String> headers) {
    Properties props = new Properties();
    props.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not write to " + topic, e);
    }
  }
}
