package org.receivables.kpi.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.receivables.events.DomainEvent;
import org.receivables.events.Topics;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.replica.UnknownInvoiceException;
import org.receivables.kpi.config.KpiConfig;
import org.receivables.kpi.projection.AggregateWriter;
import org.receivables.kpi.projection.EventProjection;
import org.receivables.kpi.projection.EventsConsumer;
import org.receivables.kpi.projection.ProjectedRows;
import org.receivables.kpi.projection.TenantLock;

/**
 * Rebuilds one tenant's projection from the topics: in one transaction holding the tenant's lock,
 * it deletes every row of the tenant (targets excepted: they are not projected), reads the three
 * topics from the beginning up to their current end, and applies the tenant's events through the
 * same code as the live consumers. Live events of the tenant wait for the lock; those the rebuild
 * applied are in the inbox by then, so they are not applied twice.
 */
@ApplicationScoped
public class ProjectionRebuild {

  private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

  private static final Map<String, String> INBOX =
      Map.of(
          Topics.INVOICING, EventsConsumer.INVOICING,
          Topics.SCORING, EventsConsumer.SCORING,
          Topics.DUNNING, EventsConsumer.DUNNING);

  @Inject ProjectedRows rows;
  @Inject AggregateWriter aggregates;
  @Inject EventProjection projection;
  @Inject TenantLock lock;
  @Inject Inbox inbox;
  @Inject KpiConfig config;

  /**
   * The client settings every channel gets (kafka.* and KAFKA_* variables: bootstrap servers and,
   * in prod, SASL_SSL with the service's credentials), so the rebuild's consumer connects as they
   * do.
   */
  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaClientConfig;

  public RebuildReport rebuild(String tenantId) {
    return QuarkusTransaction.requiringNew()
        .timeout((int) config.rebuild().timeout().toSeconds())
        .call(() -> replay(tenantId));
  }

  private RebuildReport replay(String tenantId) {
    lock.exclusive(tenantId);
    rows.deleteTenant(tenantId);
    long[] counts = new long[4];
    Set<String> seen = new HashSet<>();
    for (String topic : List.of(Topics.INVOICING, Topics.SCORING, Topics.DUNNING)) {
      readFromStart(topic, record -> apply(tenantId, topic, record, seen, counts));
    }
    aggregates.flush();
    LOG.infof(
        "Rebuilt tenant %s: %d records read, %d applied, %d duplicates, %d skipped",
        tenantId, counts[0], counts[1], counts[2], counts[3]);
    return new RebuildReport(tenantId, counts[0], counts[1], counts[2], counts[3]);
  }

  private void apply(
      String tenantId,
      String topic,
      ConsumerRecord<String, String> record,
      Set<String> seen,
      long[] counts) {
    counts[0]++;
    if (!ofTenant(record, tenantId)) {
      return;
    }
    DomainEvent data;
    IncomingEvent event;
    try {
      event = IncomingEvent.from(record);
      if (!event.isKnown()) {
        return;
      }
      data = event.read();
    } catch (RuntimeException e) {
      counts[3]++;
      return;
    }
    if (!tenantId.equals(data.tenantId())) {
      return;
    }
    if (!seen.add(event.id())) {
      counts[2]++;
      return;
    }
    try {
      if (projection.replay(topic, event.id(), data)) {
        inbox.firstDelivery(INBOX.get(topic), event.id());
        counts[1]++;
      }
    } catch (UnknownInvoiceException | IllegalArgumentException e) {
      // parked by the live consumer too (docs/events.md): skipped again
      counts[3]++;
    }
  }

  /** The tenant header, else the key's tenant part, tells whose record it is before parsing it. */
  private static boolean ofTenant(ConsumerRecord<String, String> record, String tenantId) {
    Header h = record.headers().lastHeader("ce_tenantid");
    if (h != null && h.value() != null) {
      return tenantId.equals(new String(h.value(), StandardCharsets.UTF_8));
    }
    return record.key() != null && record.key().startsWith(tenantId + ":");
  }

  private void readFromStart(
      String topic, java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
    Properties props = new Properties();
    props.putAll(kafkaClientConfig);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.rebuild().groupIdPrefix() + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() < end.get(tp)) {
            handler.accept(r);
          }
        }
      }
    }
  }
}
