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
 *
 * <p>So is a record whose key ({@code tenantId:customerId}) names another tenant than its data: the
 * key decides the partition, and so the order the tenant's events are applied in, and a consumer
 * binds the data's tenant (row-level security); a record where both disagree was not written by the
 * suite's outbox, and is refused rather than applied for either tenant.
 */
public record IncomingEvent(
    String id, String type, String subject, String data, String traceparent, String key) {

  /** An event whose key is not checked: built by the suite itself, not read from a topic. */
  public IncomingEvent(String id, String type, String subject, String data, String traceparent) {
    this(id, type, subject, data, traceparent, null);
  }

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
    if (record.key() == null) {
      throw new EventJson.MalformedEventException(
          type, new IllegalArgumentException("record has no key naming its tenant"));
    }
    return new IncomingEvent(
        id,
        type,
        header(record, "ce_subject"),
        record.value(),
        header(record, "traceparent"),
        record.key());
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

  /**
   * The event's data.
   *
   * @throws TenantMismatchException when the record's key names another tenant than the data
   */
  public DomainEvent read() {
    DomainEvent event = EventJson.read(type, data);
    if (key != null && (event.tenantId() == null || !key.startsWith(event.tenantId() + ":"))) {
      throw new TenantMismatchException(id, key, event.tenantId());
    }
    return event;
  }

  /** A record keyed for one tenant carrying another tenant's data (or none): never applied. */
  public static final class TenantMismatchException extends IllegalArgumentException {
    public TenantMismatchException(String eventId, String key, String tenant) {
      super(
          "event "
              + eventId
              + ": its key '"
              + key
              + "' names another tenant than its data's tenantId '"
              + tenant
              + "'");
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
