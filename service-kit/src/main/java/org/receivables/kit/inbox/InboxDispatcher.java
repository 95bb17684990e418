package org.receivables.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.receivables.kit.tenant.TenantScope;

/**
 * Consumes a polled batch through a handler table: the batch in one transaction, or record by
 * record with dead-lettering when it cannot be applied whole ({@link EventBatches}), each event
 * bound to its tenant and applied at most once per consumer ({@link Inbox}). A service's consumer
 * method is then one line:
 *
 * <pre>{@code
 * @Incoming("invoicing-events")
 * @Blocking
 * public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
 *   return dispatcher.consume("dunning.invoicing", handlers, batch);
 * }
 * }</pre>
 */
@ApplicationScoped
public class InboxDispatcher {

  @Inject Inbox inbox;
  @Inject TenantScope tenants;

  private EventFlow flow;

  @PostConstruct
  void init() {
    flow = new EventFlow(inbox::firstDeliveries, tenants::bindTransaction);
  }

  /**
   * Applies the batch; returns its acknowledgement.
   *
   * @param consumer the inbox name, one per service and topic (such as {@code dunning.invoicing})
   */
  public CompletionStage<Void> consume(
      String consumer, EventHandlers handlers, KafkaRecordBatch<String, String> batch) {
    return EventBatches.consume(
        batch,
        events -> applyAll(consumer, handlers, events),
        event -> apply(consumer, handlers, event));
  }

  /**
   * Applies events in one transaction (the caller's, if any): all of them or, by throwing, none.
   */
  public void applyAll(String consumer, EventHandlers handlers, List<IncomingEvent> events) {
    QuarkusTransaction.joiningExisting().run(() -> flow.applyAll(consumer, handlers, events));
  }

  /** Applies one event in a transaction (the caller's, if any): also a test's way in. */
  public void apply(String consumer, EventHandlers handlers, IncomingEvent event) {
    applyAll(consumer, handlers, List.of(event));
  }
}
