package org.receivables.kpi.projection;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.events.DunningEvent;
import org.receivables.events.InvoicingEvent;
import org.receivables.events.ScoringEvent;
import org.receivables.kit.inbox.EventBatches;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.InboxDispatcher;

/**
 * Reads the three topics in order, a polled batch applied set-based, one transaction per tenant of
 * the batch ({@link BatchApply#applyEachTenant}), through each topic's handler table ({@link
 * EventProjection}). When a tenant's part cannot be applied whole, the kit applies the batch again
 * in halves, down to single records through its inbox dispatcher, and a record that cannot be
 * applied is dead-lettered on {@code <topic>.dlq} with the reason, so that nothing loops.
 */
@ApplicationScoped
public class EventsConsumer {

  /** Inbox names, one per topic. */
  public static final String INVOICING = "kpi.invoicing";

  public static final String SCORING = "kpi.scoring";
  public static final String DUNNING = "kpi.dunning";

  @Inject EventProjection projection;
  @Inject InboxDispatcher dispatcher;
  @Inject BatchApply batches;

  @Incoming("invoicing-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consume(INVOICING, projection.handlers(InvoicingEvent.TOPIC), batch);
  }

  @Incoming("scoring-events")
  @Blocking
  public CompletionStage<Void> consumeScoring(KafkaRecordBatch<String, String> batch) {
    return consume(SCORING, projection.handlers(ScoringEvent.TOPIC), batch);
  }

  @Incoming("dunning-events")
  @Blocking
  public CompletionStage<Void> consumeDunning(KafkaRecordBatch<String, String> batch) {
    return consume(DUNNING, projection.handlers(DunningEvent.TOPIC), batch);
  }

  private CompletionStage<Void> consume(
      String consumer, EventHandlers table, KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch,
        events -> batches.applyEachTenant(consumer, table, events),
        event -> dispatcher.apply(consumer, table, event));
  }
}
