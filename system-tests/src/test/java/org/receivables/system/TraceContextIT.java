package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A client's W3C trace context goes through the gateway and the service to the event the request
 * caused, as the header a consumer continues the trace from.
 */
class TraceContextIT {

  private static final String GATEWAY =
      System.getProperty("suite.gateway.url", "http://127.0.0.1:8080");
  private static final String KAFKA = System.getProperty("suite.kafka", "127.0.0.1:9092");
  private static final String INVOICING_TOPIC = "receivables.invoicing.v1";
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

  private static RequestSpecification acme() {
    return given()
        .baseUri(GATEWAY)
        .header("X-API-Key", "acme-admin-key")
        .contentType(ContentType.JSON);
  }

  private static String hex(int length) {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, length);
  }

  @Test
  void anInvoicePostedWithATraceparentIsPublishedInThatTrace() {
    String customerId =
        acme()
            .body(Fixtures.customer("TRACE-" + UUID.randomUUID(), "Droguerie Lambert"))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    try (KafkaConsumer<String, String> consumer = consumerAtTheEnd()) {
      String traceId = hex(32);
      String callerSpan = hex(16);
      String invoiceId =
          acme()
              .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
              .body(
                  Map.of(
                      "customerId",
                      customerId,
                      "number",
                      "TRACE-" + UUID.randomUUID(),
                      "issueDate",
                      "2026-05-04",
                      "lines",
                      List.of(
                          Map.of(
                              "description",
                              "Savon",
                              "quantity",
                              2,
                              "unitPrice",
                              3.5,
                              "vatRate",
                              20))))
              .post("/api/v1/invoices")
              .then()
              .statusCode(201)
              .extract()
              .path("id");

      Map<String, List<String>> headers =
          awaitHeaders(consumer, "receivables.invoice.issued.v1", invoiceId);
      assertThat(headers.get("traceparent")).as("one traceparent header").hasSize(1);
      Matcher traceparent = TRACEPARENT.matcher(headers.get("traceparent").get(0));
      assertThat(traceparent.matches()).as("W3C traceparent").isTrue();
      assertThat(traceparent.group(1)).isEqualTo(traceId);
      assertThat(traceparent.group(2)).isNotEqualTo(callerSpan);
    }
  }

  /** A consumer of the invoicing topic positioned after every record already there. */
  private static KafkaConsumer<String, String> consumerAtTheEnd() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions =
        consumer.partitionsFor(INVOICING_TOPIC, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before the request
    return consumer;
  }

  private static Map<String, List<String>> awaitHeaders(
      KafkaConsumer<String, String> consumer, String type, String subject) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
        Map<String, List<String>> headers = headers(record);
        if (List.of(type).equals(headers.get("ce_type"))
            && List.of(subject).equals(headers.get("ce_subject"))) {
          return headers;
        }
      }
    }
    throw new AssertionError("No " + type + " event for " + subject + " on " + INVOICING_TOPIC);
  }

  private static Map<String, List<String>> headers(ConsumerRecord<String, String> record) {
    Map<String, List<String>> out = new HashMap<>();
    for (Header header : record.headers()) {
      out.computeIfAbsent(header.key(), k -> new ArrayList<>())
          .add(header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    return out;
  }
}
