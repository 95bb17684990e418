package org.receivables.kit.inbox;

import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;
import org.receivables.kit.outbox.OutboxTrace;

/**
 * A binary-mode CloudEvent read from a Kafka record. A record without an id or type can never be
 * processed: it is rejected so that the consumer's failure strategy sends it to the dead-letter
 * topic.
 */
public record IncomingEvent(
    String id, String type, String subject, String data, String traceparent) {

  public static IncomingEvent from(ConsumerRecord<String, String> record) {
    String id = header(record, "ce_id");
    String type = header(record, "ce_type");
    if (id == null || type == null) {
      throw new EventJson.MalformedEventException(
          String.valueOf(type),
          new IllegalArgumentException("record has no ce_id or ce_type header"));
    }
    if (record.value() == null) {
      throw new EventJson.MalformedEventException(
          type, new IllegalArgumentException("record has no data"));
    }
    return new IncomingEvent(
        id, type, header(record, "ce_subject"), record.value(), header(record, "traceparent"));
  }

  /**
   * Runs {@code work} in the trace of the work that published this event (a new trace when the
   * record carried none), so that the events it records continue that trace: consumers applying a
   * batch call it per event, as one record at a time would.
   */
  public void inItsTrace(Runnable work) {
    try (Scope ignored = OutboxTrace.restore(traceparent).makeCurrent()) {
      work.run();
    }
  }

  public boolean isKnown() {
    return EventJson.isKnown(type);
  }

  public DomainEvent read() {
    return EventJson.read(type, data);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
