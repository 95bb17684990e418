package org.receivables.dunning.replica;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.IncomingEvent;

/**
 * Reads invoicing and scoring facts in key order. A record that throws is nacked, and the channel's
 * dead-letter strategy parks it on {@code <topic>.dlq} with the reason, so nothing loops.
 */
@ApplicationScoped
public class ReplicaConsumer {

  public static final String INVOICING = "dunning.invoicing";
  public static final String SCORING = "dunning.scoring";

  @Inject ReplicaProjection projection;

  @Incoming("invoicing-events")
  @Blocking
  public void consumeInvoicing(ConsumerRecord<String, String> record) {
    projection.apply(INVOICING, IncomingEvent.from(record));
  }

  @Incoming("scoring-events")
  @Blocking
  public void consumeScoring(ConsumerRecord<String, String> record) {
    projection.apply(SCORING, IncomingEvent.from(record));
  }
}
