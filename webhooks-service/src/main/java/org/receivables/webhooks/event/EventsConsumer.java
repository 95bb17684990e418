package org.receivables.webhooks.event;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.events.DomainEvent;
import org.receivables.events.DunningEvent;
import org.receivables.events.InvoicingEvent;
import org.receivables.events.ScoringEvent;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.InboxDispatcher;

/**
 * Reads the three topics through the kit's inbox dispatcher: a polled batch in one transaction,
 * each event bound to its tenant and applied once, a record that can never be applied sent to
 * {@code <topic>.dlq}. Each topic's table lists the internal types that have a public webhook type
 * ({@link PublicEvents#SOURCES}); the others are skipped by the kit's rule.
 */
@ApplicationScoped
public class EventsConsumer {

  /** Inbox names, one per topic. */
  public static final String INVOICING = "webhooks.invoicing";

  public static final String SCORING = "webhooks.scoring";
  public static final String DUNNING = "webhooks.dunning";

  @Inject InboxDispatcher dispatcher;
  @Inject EventIntake intake;

  private EventHandlers invoicing;
  private EventHandlers scoring;
  private EventHandlers dunning;

  @PostConstruct
  void init() {
    invoicing = table(InvoicingEvent.class);
    scoring = table(ScoringEvent.class);
    dunning = table(DunningEvent.class);
  }

  private EventHandlers table(Class<? extends DomainEvent> producer) {
    EventHandlers.Builder builder = EventHandlers.builder();
    for (Class<? extends DomainEvent> type : PublicEvents.SOURCES) {
      if (producer.isAssignableFrom(type)) {
        builder.onWithId(type, intake::record);
      }
    }
    return builder.build();
  }

  @Incoming("invoicing-events")
  @Blocking
  public CompletionStage<Void> consumeInvoicing(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(INVOICING, invoicing, batch);
  }

  @Incoming("scoring-events")
  @Blocking
  public CompletionStage<Void> consumeScoring(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(SCORING, scoring, batch);
  }

  @Incoming("dunning-events")
  @Blocking
  public CompletionStage<Void> consumeDunning(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(DUNNING, dunning, batch);
  }
}
