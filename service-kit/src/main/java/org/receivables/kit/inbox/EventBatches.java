package org.receivables.kit.inbox;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies a polled batch of records in one database transaction instead of one per record: a bulk
 * import of a thousand invoices costs each consumer one commit, and lets it merge work (scoring
 * recomputes a customer once per batch, not once per invoice). When the batch cannot be applied as
 * a whole (a malformed or unusable record), nothing of it is kept and it is applied again in halves
 * ({@link #applyInHalves}), down to single records each in its own transaction; a record that fails
 * alone is nacked, which sends it to the channel's dead-letter topic with the reason, exactly as a
 * record-at-a-time consumer would. A record that cannot even be read (no CloudEvent headers,
 * malformed data, a key naming another tenant than its data) is dead-lettered at once, and the rest
 * of the batch stays one batch: such a record never costs its batch the record-by-record pass. A
 * batch that fails as a whole is applied again in halves, each half whole when it can be, down to
 * the record that fails alone. Each event still passes the idempotent inbox, so a batch redelivered
 * after a crash changes nothing twice. The batch is acknowledged (its offsets committed) only after
 * all of it is applied or dead-lettered.
 */
public final class EventBatches {

  private static final Logger LOG = Logger.getLogger(EventBatches.class);

  private EventBatches() {}

  /**
   * Applies the batch; returns its acknowledgement.
   *
   * @param applyAll applies events, in order, in one transaction: all or, by throwing, none; it
   *     runs each in its trace ({@link IncomingEvent#inItsTrace})
   * @param applyOne applies one event in its own transaction; throws when it cannot be applied
   */
  public static CompletionStage<Void> consume(
      KafkaRecordBatch<String, String> batch,
      Consumer<List<IncomingEvent>> applyAll,
      Consumer<IncomingEvent> applyOne) {
    List<KafkaRecord<String, String>> records = batch.getRecords();
    List<KafkaRecord<String, String>> readable = new ArrayList<>(records.size());
    List<IncomingEvent> events = new ArrayList<>(records.size());
    for (KafkaRecord<String, String> record : records) {
      try {
        IncomingEvent event = IncomingEvent.from(consumerRecord(record));
        if (event.isKnown()) {
          event.read(); // throws for malformed data or a key of another tenant
        }
        events.add(event);
        readable.add(record);
      } catch (RuntimeException e) {
        deadLetter(record, e);
      }
    }
    if (events.isEmpty()) {
      return batch.ack();
    }
    try {
      applyAll.accept(events);
      return batch.ack();
    } catch (RuntimeException e) {
      LOG.infof(
          "A batch of %d records could not be applied as a whole (%s); applying it in halves",
          events.size(), e.getMessage());
    }
    applyInHalves(events, readable, applyAll, applyOne);
    return batch.ack();
  }

  /**
   * Applies events that could not be applied together: each half as a whole when it can, else in
   * halves again, down to single records, which are dead-lettered when they fail alone. In order,
   * left half first, so a key's events keep their order. One record that cannot be applied costs
   * about twice the batch in attempts, and the rest stays set-based, instead of a transaction per
   * record of the batch.
   */
  private static void applyInHalves(
      List<IncomingEvent> events,
      List<KafkaRecord<String, String>> records,
      Consumer<List<IncomingEvent>> applyAll,
      Consumer<IncomingEvent> applyOne) {
    if (events.size() == 1) {
      IncomingEvent event = events.get(0);
      try {
        event.inItsTrace(() -> applyOne.accept(event));
      } catch (RuntimeException e) {
        deadLetter(records.get(0), e);
      }
      return;
    }
    int mid = events.size() / 2;
    for (int[] half : new int[][] {{0, mid}, {mid, events.size()}}) {
      List<IncomingEvent> part = events.subList(half[0], half[1]);
      List<KafkaRecord<String, String>> partRecords = records.subList(half[0], half[1]);
      try {
        if (part.size() == 1) {
          applyInHalves(part, partRecords, applyAll, applyOne);
        } else {
          applyAll.accept(part);
        }
      } catch (RuntimeException e) {
        applyInHalves(part, partRecords, applyAll, applyOne);
      }
    }
  }

  /**
   * The dead-letter strategy publishes the record with the reason; waits, so that the batch's
   * offsets are committed only once it is safely there.
   */
  private static void deadLetter(KafkaRecord<String, String> record, RuntimeException reason) {
    record.nack(reason).toCompletableFuture().join();
  }

  @SuppressWarnings("unchecked")
  private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> (ConsumerRecord<String, String>) m.getRecord())
        .orElseThrow(() -> new IllegalStateException("not a record read from Kafka"));
  }
}
