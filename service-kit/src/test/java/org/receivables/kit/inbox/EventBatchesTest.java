package org.receivables.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

class EventBatchesTest {

  private static final TopicPartition PARTITION = new TopicPartition("receivables.test.v1", 0);

  private final List<Long> committed = new ArrayList<>();
  private final List<String> deadLettered = new ArrayList<>();
  private final List<String> applied = new ArrayList<>();
  private int wholeBatches;

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

  private static ConsumerRecord<String, String> record(long offset, String id, boolean headers) {
    ConsumerRecord<String, String> r =
        new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "key", "{}");
    if (headers) {
      r.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
      r.headers().add("ce_type", "Test".getBytes(StandardCharsets.UTF_8));
    }
    return r;
  }

  private IncomingKafkaRecordBatch<String, String> batch(List<ConsumerRecord<String, String>> rs) {
    return new IncomingKafkaRecordBatch<>(
        new ConsumerRecords<>(Map.of(PARTITION, rs)),
        "test",
        0,
        commits,
        deadLetters,
        false,
        false);
  }

  /** Applies every event but those whose id starts with "bad". */
  private void applyOne(IncomingEvent e) {
    if (e.id().startsWith("bad")) {
      throw new IllegalArgumentException("cannot apply " + e.id());
    }
    applied.add(e.id());
  }

  private void applyAll(List<IncomingEvent> events) {
    wholeBatches++;
    List<String> tentative = new ArrayList<>();
    for (IncomingEvent e : events) {
      if (e.id().startsWith("bad")) {
        throw new IllegalArgumentException("cannot apply " + e.id()); // nothing kept
      }
      tentative.add(e.id());
    }
    applied.addAll(tentative);
  }

  @Test
  void aGoodBatchIsAppliedAsAWholeAndCommittedUpToItsLastRecord() {
    EventBatches.consume(
            batch(List.of(record(0, "a", true), record(1, "b", true), record(2, "c", true))),
            this::applyAll,
            this::applyOne)
        .toCompletableFuture()
        .join();
    assertThat(wholeBatches).isEqualTo(1);
    assertThat(applied).containsExactly("a", "b", "c");
    assertThat(deadLettered).isEmpty();
    assertThat(committed).containsExactly(2L);
  }

  @Test
  void aRecordThatCannotBeAppliedIsDeadLetteredAloneAndTheOthersKeepTheirOrder() {
    EventBatches.consume(
            batch(List.of(record(0, "a", true), record(1, "bad-1", true), record(2, "c", true))),
            this::applyAll,
            this::applyOne)
        .toCompletableFuture()
        .join();
    assertThat(applied).containsExactly("a", "c");
    assertThat(deadLettered).containsExactly("1: cannot apply bad-1");
    assertThat(committed).contains(2L);
  }

  @Test
  void aRecordWithoutEventHeadersIsDeadLetteredAloneAndTheRestStaysOneBatch() {
    EventBatches.consume(
            batch(List.of(record(0, "a", true), record(1, "x", false), record(2, "c", true))),
            this::applyAll,
            this::applyOne)
        .toCompletableFuture()
        .join();
    assertThat(wholeBatches).isEqualTo(1);
    assertThat(applied).containsExactly("a", "c");
    assertThat(deadLettered).singleElement().asString().startsWith("1: ");
    assertThat(committed).contains(2L);
  }

  @Test
  void aRecordKeyedForAnotherTenantIsDeadLetteredAloneAndTheRestStaysOneBatch() {
    org.receivables.events.CreditHoldChanged hold =
        new org.receivables.events.CreditHoldChanged(
            "acme", "c-1", true, "late", "scoring", java.time.Instant.EPOCH);
    ConsumerRecord<String, String> forged =
        new ConsumerRecord<>(
            PARTITION.topic(),
            PARTITION.partition(),
            1,
            "globex:c-1",
            org.receivables.events.EventJson.write(hold));
    forged.headers().add("ce_id", "forged".getBytes(StandardCharsets.UTF_8));
    forged.headers().add("ce_type", hold.type().getBytes(StandardCharsets.UTF_8));
    EventBatches.consume(
            batch(List.of(record(0, "a", true), forged, record(2, "c", true))),
            this::applyAll,
            this::applyOne)
        .toCompletableFuture()
        .join();
    assertThat(wholeBatches).isEqualTo(1);
    assertThat(applied).containsExactly("a", "c");
    assertThat(deadLettered).singleElement().asString().startsWith("1: ").contains("globex:c-1");
    assertThat(committed).contains(2L);
  }
}
