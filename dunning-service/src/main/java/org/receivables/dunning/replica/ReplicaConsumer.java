package org.receivables.dunning.replica;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.EventBatches;

/**
 * Reads invoicing and scoring facts in key order, a polled batch per transaction ({@link
 * EventBatches}). A record that cannot be applied is nacked, and the channel's dead-letter strategy
 * parks it on {@code <topic>.dlq} with the reason, so nothing loops.
 */
@ApplicationScoped
public class ReplicaConsumer {

  public static final String INVOICING = "dunning.invoicing";
  public static final String SCORING = "dunning.scoring";

  @Inject ReplicaProjection projection;

  @Incoming("invoicing-events")
  @Blocking
  public CompletionStage<Void> consumeInvoicing(KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch, e -> projection.applyAll(INVOICING, e), e -> projection.apply(INVOICING, e));
  }

  @Incoming("scoring-events")
  @Blocking
  public CompletionStage<Void> consumeScoring(KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch, e -> projection.applyAll(SCORING, e), e -> projection.apply(SCORING, e));
  }
}
