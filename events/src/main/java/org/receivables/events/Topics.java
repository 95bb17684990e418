package org.receivables.events;

import java.util.List;

/**
 * Topic names are part of the public contract between services: one topic of facts per publishing
 * service (invoicing also publishes its invoices' PDFs on a documents topic), each declared by a
 * sealed interface ({@link InvoicingEvent#TOPIC}, ...).
 */
public final class Topics {
  public static final String INVOICING = InvoicingEvent.TOPIC;
  public static final String INVOICING_DOCUMENTS = InvoicingDocumentEvent.TOPIC;
  public static final String SCORING = ScoringEvent.TOPIC;
  public static final String DUNNING = DunningEvent.TOPIC;
  public static final String WEBHOOKS = WebhooksEvent.TOPIC;

  private Topics() {}

  /** Every topic of the contract, in the order of the producers. */
  public static List<String> all() {
    return List.of(INVOICING, INVOICING_DOCUMENTS, SCORING, DUNNING, WEBHOOKS);
  }

  /** Where a consumer parks a record it can never process, with the reason in its headers. */
  public static String deadLetter(String topic) {
    return topic + ".dlq";
  }
}
