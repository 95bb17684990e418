package org.receivables.events;

/**
 * What every event carries so that it can be keyed and routed without reading its type-specific
 * data.
 *
 * <p>Sealed: each event belongs to exactly one producer's interface ({@link InvoicingEvent}, {@link
 * InvoicingDocumentEvent}, {@link ScoringEvent}, {@link DunningEvent}, {@link WebhooksEvent}), and
 * so to exactly one topic; one owner per fact.
 *
 * <p>Records are keyed by {@code tenantId:customerId} so that all events of one customer stay in
 * one partition, in order; a subscription's events ({@link WebhooksEvent}) by {@code
 * tenantId:subscriptionId}.
 */
public sealed interface DomainEvent
    permits InvoicingEvent, InvoicingDocumentEvent, ScoringEvent, DunningEvent, WebhooksEvent {

  String tenantId();

  /**
   * The customer the event is about; null only for a subscription's event ({@link WebhooksEvent}).
   */
  String customerId();

  /** The CloudEvent {@code subject}: the id of the aggregate the event is about. */
  String subject();

  /** The CloudEvent {@code type}, such as {@code receivables.invoice.issued.v1}. */
  String type();

  /** The topic of the event's producer, the only topic the event may be published on. */
  String topic();

  default String key() {
    return tenantId() + ":" + customerId();
  }
}
