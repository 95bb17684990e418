package org.receivables.kit.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;

/**
 * A polled Kafka batch without a broker, recording what the channel would do with it: the offsets
 * committed and the records dead-lettered with their reason.
 */
final class RecordedBatch {

  static final TopicPartition PARTITION = new TopicPartition("receivables.test.v1", 0);

  final List<Long> committed = new ArrayList<>();
  final List<String> deadLettered = new ArrayList<>();

  private final KafkaCommitHandler commits =
      new KafkaCommitHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
          committed.add(record.getOffset());
          return Uni.createFrom().voidItem();
        }
      };

  private final KafkaFailureHandler deadLetters =
      new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(
            IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
          deadLettered.add(record.getOffset() + ": " + reason.getMessage());
          return Uni.createFrom().voidItem();
        }
      };

  IncomingKafkaRecordBatch<String, String> of(List<ConsumerRecord<String, String>> records) {
    return new IncomingKafkaRecordBatch<>(
        new ConsumerRecords<>(Map.of(PARTITION, records)),
        "test",
        0,
        commits,
        deadLetters,
        false,
        false);
  }

  /** A record with CloudEvent headers (or none), key "key" and empty data. */
  static ConsumerRecord<String, String> record(long offset, String id, boolean headers) {
    ConsumerRecord<String, String> r =
        new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "key", "{}");
    if (headers) {
      header(r, "ce_id", id);
      header(r, "ce_type", "Test");
    }
    return r;
  }

  /**
   * A record as the suite's outbox writes it: keyed by {@code tenant:customer}, the data as JSON.
   */
  static ConsumerRecord<String, String> event(long offset, String id, DomainEvent event) {
    return event(offset, id, event.key(), event);
  }

  /** A record with the given key, which may name another tenant than the data. */
  static ConsumerRecord<String, String> event(
      long offset, String id, String key, DomainEvent event) {
    ConsumerRecord<String, String> r =
        new ConsumerRecord<>(
            PARTITION.topic(), PARTITION.partition(), offset, key, EventJson.write(event));
    header(r, "ce_id", id);
    header(r, "ce_type", event.type());
    return r;
  }

  private static void header(ConsumerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
