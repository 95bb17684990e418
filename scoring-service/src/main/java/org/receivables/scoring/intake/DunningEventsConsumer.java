package org.receivables.scoring.intake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.InboxDispatcher;

/**
 * Reads {@code receivables.dunning.v1} through the kit's {@link InboxDispatcher} and {@link
 * ScoringHandlers#dunning()}: broken promises and plans, escalations, hold requests. Poison records
 * go to {@code receivables.dunning.v1.dlq}.
 */
@ApplicationScoped
public class DunningEventsConsumer {

  /** The inbox name of this consumer (unchanged since the first release: its rows de-duplicate). */
  static final String CONSUMER = "scoring.dunning";

  @Inject InboxDispatcher dispatcher;
  @Inject ScoringHandlers handlers;

  @Incoming("dunning-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(CONSUMER, handlers.dunning(), batch);
  }
}
