package org.receivables.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.ReminderSent;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;

/**
 * Records no consumer can process, written to every topic the services read: each lands on {@code
 * <topic>.dlq} with the reason in {@code dead-letter-reason}, once per consumer that rejects it,
 * and every consumer goes on. The poison shares its key with a real customer, so it sits in the
 * same partition as that customer's later events, and the test then drives a flow whose events must
 * get past it: an invoice (invoicing topic), a dunning run (dunning topic) and a credit hold
 * (scoring topic), each seen in the read APIs of the services downstream. Besides, every consumer
 * group of each topic must commit past the poison.
 *
 * <p>Kinds of poison: no CloudEvent headers; broken JSON under a known type; valid JSON of a known
 * type without its tenant. A type outside the contract is skipped by every consumer, never parked.
 */
class PoisonRecordIT {

  private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** The consumer groups of each topic (mp.messaging.incoming.* of each service). */
  private static final Map<String, List<String>> GROUPS =
      Map.of(
          "receivables.invoicing.v1",
              List.of("scoring-service", "dunning-service", "kpi-service", "webhooks-service"),
          "receivables.scoring.v1",
              List.of(
                  "invoicing-service",
                  "dunning-service-scoring",
                  "kpi-service-scoring",
                  "webhooks-service-scoring"),
          "receivables.dunning.v1",
              List.of("scoring-service", "kpi-service-dunning", "webhooks-service-dunning"));

  /** A type every consumer of the topic reads (invoicing reads only credit holds of scoring's). */
  private static final Map<String, String> KNOWN_TYPE =
      Map.of(
          "receivables.invoicing.v1", InvoiceIssued.TYPE,
          "receivables.scoring.v1", CreditHoldChanged.TYPE,
          "receivables.dunning.v1", ReminderSent.TYPE);

  private final String tenant = LocalIdentityProvider.freshTenant("poison");
  private final RetryingClient api =
      new RetryingClient(LocalIdentityProvider.token(tenant, "poison-test"), PATIENCE);

  /** One poison record: what makes it bad, and how many consumers must park it (at least). */
  private record Poison(String id, String topic, String kind, int parkedBy) {}

  @Test
  void poisonIsParkedWithItsReasonAndEveryConsumerGoesOn() throws Exception {
    String customer = createCustomer();
    String key = tenant + ":" + customer;
    Suite.await(
        "dunning to know the customer",
        PATIENCE,
        () -> api.get("/api/v1/dunning/customers/" + customer).status() == 200);

    List<Poison> poisons = new ArrayList<>();
    Map<String, String> skipped = new HashMap<>();
    for (String topic : GROUPS.keySet()) {
      int consumers = GROUPS.get(topic).size();
      skipped.put(topic, writeUnknownType(topic, key, customer));
      poisons.add(writeWithoutHeaders(topic, key, consumers));
      poisons.add(writeBrokenJson(topic, key, customer, consumers));
      // invoicing ignores a credit hold that names no tenant (it is not one of its customers)
      int withoutTenant = topic.equals("receivables.scoring.v1") ? consumers - 1 : consumers;
      poisons.add(writeWithoutTenant(topic, key, customer, withoutTenant));
    }

    awaitEveryGroupPast(key);
    for (String topic : GROUPS.keySet()) {
      List<Poison> here = poisons.stream().filter(p -> p.topic().equals(topic)).toList();
      List<KafkaReader.Received> parked = awaitParked(topic, here, skipped.get(topic));
      for (KafkaReader.Received r : parked) {
        assertThat(r.headers().get("dead-letter-reason")).as("reason of %s", r).isNotBlank();
        assertThat(r.headers().get("dead-letter-topic")).isEqualTo(topic);
        assertThat(r.key()).isEqualTo(key);
      }
      assertThat(parked)
          .as("a type outside the contract is skipped, not parked")
          .noneMatch(r -> r.value().contains(skipped.get(topic)));
    }

    invoiceFlowsPastThePoison(customer);
    dunningRunFlowsPastThePoison(customer);
    creditHoldFlowsPastThePoison(customer);
  }

  // ------------------------------------------------------------------ poison

  private static Poison writeWithoutHeaders(String topic, String key, int parkedBy) {
    String id = UUID.randomUUID().toString();
    KafkaWriter.send(topic, key, "poison " + id, Map.of("content-type", "text/plain"));
    return new Poison(id, topic, "no CloudEvent headers", parkedBy);
  }

  private Poison writeBrokenJson(String topic, String key, String customer, int parkedBy) {
    String id = UUID.randomUUID().toString();
    String json =
        "{\"poison\":\"" + id + "\",\"tenantId\":\"" + tenant + "\",\"customerId\":\"" + customer;
    KafkaWriter.send(topic, key, json, cloudEvent(id, KNOWN_TYPE.get(topic), customer));
    return new Poison(id, topic, "broken JSON", parkedBy);
  }

  private Poison writeWithoutTenant(String topic, String key, String customer, int parkedBy) {
    String id = UUID.randomUUID().toString();
    String json = "{\"poison\":\"" + id + "\",\"customerId\":\"" + customer + "\"}";
    KafkaWriter.send(topic, key, json, cloudEvent(id, KNOWN_TYPE.get(topic), customer));
    return new Poison(id, topic, "no tenant", parkedBy);
  }

  private String writeUnknownType(String topic, String key, String customer) {
    String id = UUID.randomUUID().toString();
    String json =
        "{\"poison\":\""
            + id
            + "\",\"tenantId\":\""
            + tenant
            + "\",\"customerId\":\""
            + customer
            + "\"}";
    KafkaWriter.send(
        topic, key, json, cloudEvent(id, "receivables.not-in-the-contract.v1", customer));
    return id;
  }

  private Map<String, String> cloudEvent(String id, String type, String customer) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", id);
    headers.put("ce_type", type);
    headers.put("ce_source", "/system-tests/poison");
    headers.put("ce_subject", customer);
    headers.put("ce_tenantid", tenant);
    headers.put("content-type", "application/json");
    return headers;
  }

  /** Every group of every topic has committed beyond the end of the key's partition. */
  private static void awaitEveryGroupPast(String key) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, Long> ends = new HashMap<>();
      for (String topic : GROUPS.keySet()) {
        int partitions =
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .size();
        // the producer's default partitioner for a keyed record
        int partition =
            Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        TopicPartition tp = new TopicPartition(topic, partition);
        long end =
            admin
                .listOffsets(Map.of(tp, OffsetSpec.latest()))
                .partitionResult(tp)
                .get(30, TimeUnit.SECONDS)
                .offset();
        ends.put(tp, end);
      }
      String[] behind = {""};
      Suite.await(
          "every consumer group to commit past the poison",
          PATIENCE,
          () -> {
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
              for (String group : GROUPS.get(e.getKey().topic())) {
                long committed = committed(admin, group, e.getKey());
                if (committed < e.getValue()) {
                  behind[0] =
                      group + " at " + committed + " < " + e.getValue() + " on " + e.getKey();
                  return false;
                }
              }
            }
            return true;
          },
          () -> behind[0]);
    }
  }

  private static long committed(Admin admin, String group, TopicPartition tp) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      OffsetAndMetadata offset = offsets.get(tp);
      return offset == null ? -1 : offset.offset();
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Reads the topic's DLQ until each poison is there as often as consumers must park it; returns
   * every record of the test found there (the skipped one included, should it be there).
   */
  private static List<KafkaReader.Received> awaitParked(
      String topic, List<Poison> poisons, String skippedId) {
    List<KafkaReader.Received> found = new ArrayList<>();
    Map<String, Integer> copies = new HashMap<>();
    try {
      KafkaReader.await(
          topic + ".dlq",
          r -> {
            String value = r.value() == null ? "" : r.value();
            for (Poison p : poisons) {
              if (value.contains(p.id())) {
                copies.merge(p.id(), 1, Integer::sum);
                found.add(r);
              }
            }
            if (value.contains(skippedId)) {
              found.add(r);
            }
            return poisons.stream().allMatch(p -> copies.getOrDefault(p.id(), 0) >= p.parkedBy());
          },
          PATIENCE);
    } catch (AssertionError e) {
      StringBuilder missing = new StringBuilder();
      for (Poison p : poisons) {
        missing.append(
            String.format(
                "%n  %s: parked %d times, expected at least %d",
                p.kind(), copies.getOrDefault(p.id(), 0), p.parkedBy()));
      }
      throw new AssertionError("poison missing on " + topic + ".dlq:" + missing, e);
    }
    return found;
  }

  // ------------------------------------------------------------------ valid flows after it

  /** Invoicing topic: scoring, dunning and the KPIs see an invoice issued after the poison. */
  private void invoiceFlowsPastThePoison(String customer) {
    RetryingClient.Answer invoice =
        api.create(
            "/api/v1/invoices",
            Fixtures.invoice(customer, "POISON-" + UUID.randomUUID(), ISSUED, "Prestation", 100));
    assertThat(invoice.status()).as("invoice: %s", invoice.body()).isEqualTo(201);
    String invoiceId = invoice.text("id");
    BigDecimal total = new BigDecimal("120.00");
    awaitAmount("KPI outstanding", "/api/v1/kpis/summary?asOf=" + AS_OF, "outstanding", total);
    awaitAmount(
        "dunning's principal",
        "/api/v1/dunning/interest?invoiceId=" + invoiceId + "&asOf=" + AS_OF,
        "principal",
        total);
    awaitAmount(
        "scoring's exposure", "/api/v1/scores/" + customer + "/behaviour", "exposure", total);
  }

  /** Dunning topic: the KPIs (and scoring, for an escalation) see a run made after the poison. */
  private void dunningRunFlowsPastThePoison(String customer) {
    RetryingClient.Answer run =
        api.create("/api/v1/dunning/runs", Map.of("asOf", AS_OF.toString()));
    assertThat(run.status()).as("run: %s", run.body()).isEqualTo(201);
    assertThat(run.body().path("remindersSent").asInt()).isEqualTo(1);
    Suite.await(
        "the KPIs to count the reminder",
        PATIENCE,
        () -> {
          JsonNode steps = api.get("/api/v1/kpis/dunning-effectiveness?asOf=" + AS_OF).body();
          int reminders = 0;
          for (JsonNode step : steps) {
            reminders += step.path("reminders").asInt();
          }
          return reminders == 1;
        });
    int escalations = run.body().path("escalations").asInt();
    if (escalations > 0) {
      Suite.await(
          "scoring to count the escalation",
          PATIENCE,
          () ->
              api.get("/api/v1/scores/" + customer + "/behaviour")
                      .body()
                      .path("escalations12Months")
                      .asInt()
                  == escalations);
    }
  }

  /** Scoring topic: invoicing and dunning see a credit hold placed after the poison. */
  private void creditHoldFlowsPastThePoison(String customer) {
    RetryingClient.Answer hold =
        api.put(
            "/api/v1/scores/" + customer + "/credit-hold",
            Map.of("onHold", true, "reason", "poison test"));
    assertThat(hold.status()).as("hold: %s", hold.body()).isEqualTo(200);
    Suite.await(
        "invoicing to apply the hold",
        PATIENCE,
        () -> api.get("/api/v1/customers/" + customer).body().path("creditHold").asBoolean());
    Suite.await(
        "dunning to apply the hold",
        PATIENCE,
        () ->
            api.get("/api/v1/dunning/customers/" + customer).body().path("creditHold").asBoolean());
  }

  private void awaitAmount(String what, String path, String field, BigDecimal expected) {
    String[] last = {""};
    Suite.await(
        what + " = " + expected,
        PATIENCE,
        () -> {
          RetryingClient.Answer answer = api.get(path);
          last[0] = answer.status() + " " + answer.body();
          return answer.status() == 200
              && answer.body().hasNonNull(field)
              && new BigDecimal(answer.body().path(field).asText()).compareTo(expected) == 0;
        },
        () -> last[0]);
  }

  private String createCustomer() {
    RetryingClient.Answer answer =
        api.create(
            "/api/v1/customers", Fixtures.customer("POISON-" + UUID.randomUUID(), "Client poison"));
    assertThat(answer.status()).as("customer: %s", answer.body()).isEqualTo(201);
    return answer.text("id");
  }

  private static String bootstrap() {
    return System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
  }
}
