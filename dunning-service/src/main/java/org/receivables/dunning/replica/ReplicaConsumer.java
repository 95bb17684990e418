package org.receivables.dunning.replica;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.InboxDispatcher;

/**
 * Reads invoicing and scoring facts in key order, a polled batch per transaction, through the kit's
 * inbox dispatcher and each topic's handler table ({@link ReplicaProjection}). A record that cannot
 * be applied is dead-lettered on {@code <topic>.dlq} with the reason, so nothing loops.
 */
@ApplicationScoped
public class ReplicaConsumer {

  /** Inbox names, one per topic. */
  public static final String INVOICING = "dunning.invoicing";

  public static final String SCORING = "dunning.scoring";

  @Inject ReplicaProjection projection;
  @Inject InboxDispatcher dispatcher;

  @Incoming("invoicing-events")
  @Blocking
  public CompletionStage<Void> consumeInvoicing(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(INVOICING, projection.invoicing(), batch);
  }

  @Incoming("scoring-events")
  @Blocking
  public CompletionStage<Void> consumeScoring(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(SCORING, projection.scoring(), batch);
  }
}
