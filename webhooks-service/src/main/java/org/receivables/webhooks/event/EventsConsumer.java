package org.receivables.webhooks.event;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.events.DomainEvent;
import org.receivables.events.DunningEvent;
import org.receivables.events.InvoicingEvent;
import org.receivables.events.ScoringEvent;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.EventHandlers.Applied;
import org.receivables.kit.inbox.InboxDispatcher;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.webhooks.event.IntakePlan.Received;

/**
 * Reads the three topics through the kit's inbox dispatcher: a polled batch in one transaction,
 * each event applied once (the inbox, one statement per tenant), a record that can never be applied
 * sent to {@code <topic>.dlq}. Each topic's table lists the internal types that have a public
 * webhook type ({@link PublicEvents#SOURCES}); the others are skipped by the kit's rule. The
 * handlers do nothing one by one: the table's batch hook hands each tenant's new events to {@link
 * EventIntake} together, bound to that tenant again (the kit leaves the transaction bound to the
 * batch's last tenant), so a batch costs a few statements per tenant, not several per event.
 */
@ApplicationScoped
public class EventsConsumer {

  /** Inbox names, one per topic. */
  public static final String INVOICING = "webhooks.invoicing";

  public static final String SCORING = "webhooks.scoring";
  public static final String DUNNING = "webhooks.dunning";

  @Inject InboxDispatcher dispatcher;
  @Inject EventIntake intake;
  @Inject TenantScope tenants;

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
    EventHandlers.Builder builder = EventHandlers.builder().afterBatch(this::record);
    for (Class<? extends DomainEvent> type : PublicEvents.SOURCES) {
      if (producer.isAssignableFrom(type)) {
        builder.onWithId(type, (data, eventId) -> {}); // recorded with its batch, below
      }
    }
    return builder.build();
  }

  /** The batch's first deliveries, tenant by tenant in their order, each tenant bound. */
  private void record(List<Applied> applied) {
    Map<String, List<Received>> byTenant = new LinkedHashMap<>();
    for (Applied a : applied) {
      byTenant
          .computeIfAbsent(a.data().tenantId(), t -> new ArrayList<>())
          .add(new Received(a.data(), a.event().id()));
    }
    byTenant.forEach(
        (tenant, events) -> {
          tenants.bindTransaction(tenant);
          intake.recordAll(tenant, events);
        });
  }

  /** The table of {@code receivables.invoicing.v1}, for tests that apply a batch directly. */
  EventHandlers invoicing() {
    return invoicing;
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
