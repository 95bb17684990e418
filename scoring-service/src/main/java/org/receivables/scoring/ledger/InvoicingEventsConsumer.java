package org.receivables.scoring.ledger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.IncomingEvent;

/**
 * Reads {@code receivables.invoicing.v1} in order. A record that throws is nacked, and the
 * channel's dead-letter strategy parks it on {@code receivables.invoicing.v1.dlq} with the reason.
 */
@ApplicationScoped
public class InvoicingEventsConsumer {

  @Inject LedgerEvents events;

  @Incoming("invoicing-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    events.apply(LedgerEvents.INVOICING, IncomingEvent.from(record));
  }
}
