package org.receivables.events;

/**
 * What every event carries so that it can be keyed and routed without reading its type-specific
 * data.
 *
 * <p>Records are keyed by {@code tenantId:customerId} so that all events of one customer stay in
 * one partition, in order.
 */
public interface DomainEvent {

  String tenantId();

  String customerId();

  /** The CloudEvent {@code subject}: the id of the aggregate the event is about. */
  String subject();

  /** The CloudEvent {@code type}, such as {@code receivables.invoice.issued.v1}. */
  String type();

  default String key() {
    return tenantId() + ":" + customerId();
  }
}
