package org.receivables.dunning.document;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.receivables.events.InvoiceDocumentPublished;
import org.receivables.events.InvoiceDocumentsErased;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.InboxDispatcher;

/**
 * Reads invoicing's documents topic through the kit's inbox dispatcher (tenant binding, inbox, dead
 * letters on {@code receivables.invoicing.documents.v1.dlq}) into {@link InvoiceDocuments}. Its own
 * consumer, apart from the facts: a PDF arriving before its invoice's {@code InvoiceIssued} is kept
 * all the same (the reminder that needs it comes later).
 */
@ApplicationScoped
public class DocumentConsumer {

  /** Inbox name. */
  public static final String INBOX = "dunning.invoicing-documents";

  @Inject InvoiceDocuments documents;
  @Inject InboxDispatcher dispatcher;

  private EventHandlers handlers;

  /** Built on the bean instance itself, not through the client proxy (see ReplicaProjection). */
  @PostConstruct
  void init() {
    handlers =
        EventHandlers.builder()
            .on(InvoiceDocumentPublished.class, documents::onPublished)
            .on(InvoiceDocumentsErased.class, documents::onErased)
            .build();
  }

  public EventHandlers handlers() {
    return handlers;
  }

  @Incoming("invoicing-documents")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return dispatcher.consume(INBOX, handlers, batch);
  }
}
