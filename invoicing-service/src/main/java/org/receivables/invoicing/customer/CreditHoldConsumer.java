package org.receivables.invoicing.customer;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.events.CreditHoldChanged;
import org.receivables.kit.inbox.IncomingEvent;

/**
 * Reads scoring's credit-hold decisions from {@code receivables.scoring.v1}; other types on that
 * topic are not ours and are skipped. A record that throws (no CloudEvent headers, unreadable data)
 * is nacked, and the channel's dead-letter strategy parks it on {@code receivables.scoring.v1.dlq}.
 */
@ApplicationScoped
public class CreditHoldConsumer {

  @Inject CustomerService customers;

  @Incoming("scoring-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    IncomingEvent incoming = IncomingEvent.from(record);
    if (!CreditHoldChanged.TYPE.equals(incoming.type())) {
      return;
    }
    customers.applyCreditHold(incoming.id(), (CreditHoldChanged) incoming.read());
  }
}
