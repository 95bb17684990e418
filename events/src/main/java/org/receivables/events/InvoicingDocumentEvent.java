package org.receivables.events;

/**
 * The documents invoicing-service publishes beside its facts, on {@link #TOPIC}: each invoice's PDF
 * (Factur-X) and the withdrawal of a customer's documents when its personal data is erased. A topic
 * of their own because a PDF weighs a hundred times a fact: the consumers of {@link
 * InvoicingEvent#TOPIC} (scoring, kpi, every test reader) never fetch them, and the topic can keep
 * its own size limit and retention. Keyed by customer like every topic, so an erasure follows the
 * documents it withdraws.
 */
public sealed interface InvoicingDocumentEvent extends DomainEvent
    permits InvoiceDocumentPublished, InvoiceDocumentsErased {

  String TOPIC = "receivables.invoicing.documents.v1";

  @Override
  default String topic() {
    return TOPIC;
  }
}
