package org.receivables.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventBatchesTest {

  private final RecordedBatch recorded = new RecordedBatch();
  private final List<Long> committed = recorded.committed;
  private final List<String> deadLettered = recorded.deadLettered;
  private final List<String> applied = new ArrayList<>();
  private int wholeBatches;
  private int singles;

  private static ConsumerRecord<String, String> record(long offset, String id, boolean headers) {
    return RecordedBatch.record(offset, id, headers);
  }

  private IncomingKafkaRecordBatch<String, String> batch(List<ConsumerRecord<String, String>> rs) {
    return recorded.of(rs);
  }

  /** Applies every event but those whose id starts with "bad". */
  private void applyOne(IncomingEvent e) {
    singles++;
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
  void oneBadRecordOfALargeBatchCostsAFewHalvesNotARecordByRecordPass() {
    List<ConsumerRecord<String, String>> rs = new ArrayList<>();
    List<String> good = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String id = i == 37 ? "bad-37" : "e-" + i;
      rs.add(record(i, id, true));
      if (i != 37) {
        good.add(id);
      }
    }
    EventBatches.consume(batch(rs), this::applyAll, this::applyOne).toCompletableFuture().join();
    assertThat(applied).containsExactlyElementsOf(good);
    assertThat(deadLettered).containsExactly("37: cannot apply bad-37");
    assertThat(committed).contains(63L);
    // halves around the bad record: about two per level, instead of 64 single transactions
    assertThat(wholeBatches).isLessThanOrEqualTo(13);
    assertThat(singles).isLessThanOrEqualTo(2);
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
    ConsumerRecord<String, String> forged = RecordedBatch.event(1, "forged", "globex:c-1", hold);
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
