package org.receivables.invoicing.invoice;

/** Where an invoice stands in its life; {@code disputed} and {@code overdue} are separate flags. */
public enum InvoiceStatus {
  OPEN,
  PARTIALLY_PAID,
  PAID,
  CANCELLED,
  WRITTEN_OFF;

  /** Whether money can still be owed on an invoice in this status. */
  public boolean isOpen() {
    return this == OPEN || this == PARTIALLY_PAID;
  }
}
