package org.receivables.invoicing.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.receivables.invoicing.cash.match.EntryStatus;

/** A stored bank entry, as EntryStore reads it (columns mapped by name, kit NamedRows). */
public record EntryRow(
    UUID id,
    String account,
    String entryReference,
    BigDecimal amount,
    String currency,
    boolean credit,
    boolean reversal,
    LocalDate bookingDate,
    String debtorName,
    String debtorIban,
    String remittance,
    String endToEndId,
    EntryStatus status,
    UUID customerId,
    BigDecimal confidence,
    String candidates,
    String reasons) {

  /** The currency column is fixed-width: its padding is no part of the code. */
  public EntryRow {
    currency = currency == null ? null : currency.trim();
  }

  static final String COLUMNS =
      "id, account, entry_reference, amount, currency, credit, reversal, booking_date,"
          + " debtor_name, debtor_iban, remittance, end_to_end_id, status, customer_id, confidence,"
          + " candidates, reasons";

  static String columns(String alias) {
    return alias + COLUMNS.replace(", ", ", " + alias);
  }
}
