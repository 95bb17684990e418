package org.receivables.scoring.intake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.EventBatches;

/**
 * Reads {@code receivables.dunning.v1}: broken promises and plans, escalations, hold requests.
 * Poison records go to {@code receivables.dunning.v1.dlq}.
 */
@ApplicationScoped
public class DunningEventsConsumer {

  @Inject LedgerEvents events;

  @Incoming("dunning-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch,
        e -> events.applyAll(LedgerEvents.DUNNING, e),
        e -> events.apply(LedgerEvents.DUNNING, e));
  }
}
