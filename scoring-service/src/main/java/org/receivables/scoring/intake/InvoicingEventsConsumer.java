package org.receivables.scoring.intake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.kit.inbox.EventBatches;
import org.receivables.kit.inbox.InboxDispatcher;

/**
 * Reads {@code receivables.invoicing.v1} in order through the kit's {@link InboxDispatcher} and
 * {@link ScoringHandlers#invoicing()}: a polled batch per transaction ({@link EventBatches}), each
 * event once. A record that cannot be applied, an event about an invoice never seen issued among
 * them, goes to {@code receivables.invoicing.v1.dlq} with the reason.
 */
@ApplicationScoped
public class InvoicingEventsConsumer {

  /** The inbox name of this consumer (unchanged since the first release: its rows de-duplicate). */
  static final String CONSUMER = "scoring.invoicing";

  @Inject InboxDispatcher dispatcher;
  @Inject ScoringHandlers handlers;

  @Incoming("invoicing-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(CONSUMER, handlers.invoicing(), batch);
  }
}
