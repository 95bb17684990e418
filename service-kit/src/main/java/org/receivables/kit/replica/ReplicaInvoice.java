package org.receivables.kit.replica;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice as a consuming service knows it from invoicing's events: the facts every consumer
 * needs, nothing service-specific.
 *
 * @param outstanding what is owed as the latest event stated it
 * @param status {@code OPEN} until an event states another ({@code PAID}, {@code CANCELLED}, {@code
 *     WRITTEN_OFF}, ...)
 * @param disputed whether a dispute is open on it
 * @param updatedAt when this replica last changed it (service clock, not the event's date)
 */
public record ReplicaInvoice(
    String tenantId,
    String invoiceId,
    String customerId,
    String number,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate,
    BigDecimal totalInclTax,
    BigDecimal outstanding,
    String status,
    boolean disputed,
    Instant updatedAt) {

  /** Whether something is still owed and collectable on it. */
  public boolean open() {
    return outstanding.signum() > 0
        && !"PAID".equals(status)
        && !"CANCELLED".equals(status)
        && !"WRITTEN_OFF".equals(status);
  }
}
