package org.receivables.invoicing.customer;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.events.CreditHoldChanged;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.InboxDispatcher;

/**
 * Reads scoring's credit-hold decisions from {@code receivables.scoring.v1}, through the kit's
 * handler table: the only type invoicing uses there, other types are skipped. A record that cannot
 * be read or applied goes to {@code receivables.scoring.v1.dlq} with the reason.
 */
@ApplicationScoped
public class CreditHoldConsumer {

  /** The inbox name of this consumer. */
  static final String CONSUMER = "invoicing.credit-hold";

  @Inject CustomerService customers;
  @Inject InboxDispatcher dispatcher;

  private final EventHandlers handlers =
      EventHandlers.builder()
          .on(CreditHoldChanged.class, e -> customers.applyCreditHold(e))
          .build();

  @Incoming("scoring-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(CONSUMER, handlers, batch);
  }
}
