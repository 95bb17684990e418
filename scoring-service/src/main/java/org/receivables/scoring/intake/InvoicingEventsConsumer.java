package org.receivables.scoring.intake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.EventBatches;

/**
 * Reads {@code receivables.invoicing.v1} in order, a polled batch per transaction ({@link
 * EventBatches}). A record that cannot be applied is nacked, and the channel's dead-letter strategy
 * parks it on {@code receivables.invoicing.v1.dlq} with the reason.
 */
@ApplicationScoped
public class InvoicingEventsConsumer {

  @Inject LedgerEvents events;

  @Incoming("invoicing-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch,
        e -> events.applyAll(LedgerEvents.INVOICING, e),
        e -> events.apply(LedgerEvents.INVOICING, e));
  }
}
