package org.receivables.kpi.projection;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.EventBatches;

/**
 * Reads the three topics in order, a polled batch per transaction ({@link EventBatches}). A record
 * that cannot be applied is nacked, and its channel's dead-letter strategy parks it on {@code
 * <topic>.dlq} with the reason, so that nothing loops.
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
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch, e -> projection.applyAll(INVOICING, e), e -> projection.apply(INVOICING, e));
  }

  @Incoming("scoring-events")
  @Blocking
  public CompletionStage<Void> consumeScoring(KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch, e -> projection.applyAll(SCORING, e), e -> projection.apply(SCORING, e));
  }

  @Incoming("dunning-events")
  @Blocking
  public CompletionStage<Void> consumeDunning(KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch, e -> projection.applyAll(DUNNING, e), e -> projection.apply(DUNNING, e));
  }
}
