package org.receivables.scoring.ledger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.IncomingEvent;

/**
 * Reads {@code receivables.dunning.v1}: broken promises and plans, escalations, hold requests.
 * Poison records go to {@code receivables.dunning.v1.dlq}.
 */
@ApplicationScoped
public class DunningEventsConsumer {

  @Inject LedgerEvents events;

  @Incoming("dunning-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    events.apply(LedgerEvents.DUNNING, IncomingEvent.from(record));
  }
}
