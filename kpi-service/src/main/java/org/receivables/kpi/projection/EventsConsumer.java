package org.receivables.kpi.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.IncomingEvent;

/**
 * Reads the three topics in order. A record that throws is nacked, and its channel's dead-letter
 * strategy parks it on {@code <topic>.dlq} with the reason, so that nothing loops.
 */
@ApplicationScoped
public class EventsConsumer {

  /** Inbox names, one per topic. */
  public static final String INVOICING = "kpi.invoicing";

  public static final String SCORING = "kpi.scoring";
  public static final String DUNNING = "kpi.dunning";

  @Inject EventProjection projection;

  @Incoming("invoicing-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    projection.apply(INVOICING, IncomingEvent.from(record));
  }

  @Incoming("scoring-events")
  @Blocking
  public void consumeScoring(ConsumerRecord<String, String> record) {
    projection.apply(SCORING, IncomingEvent.from(record));
  }

  @Incoming("dunning-events")
  @Blocking
  public void consumeDunning(ConsumerRecord<String, String> record) {
    projection.apply(DUNNING, IncomingEvent.from(record));
  }
}
