package org.receivables.invoicing.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.receivables.invoicing.cash.match.EntryStatus;

/** A stored bank entry, as EntryStore reads it. */
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

  static final String COLUMNS =
      "id, account, entry_reference, amount, currency, credit, reversal, booking_date,"
          + " debtor_name, debtor_iban, remittance, end_to_end_id, status, customer_id, confidence,"
          + " candidates, reasons";

  static String columns(String alias) {
    return alias + COLUMNS.replace(", ", ", " + alias);
  }

  static EntryRow of(Object[] r) {
    return new EntryRow(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        (BigDecimal) r[3],
        ((String) r[4]).trim(),
        (Boolean) r[5],
        (Boolean) r[6],
        SqlBook.date(r[7]),
        (String) r[8],
        (String) r[9],
        (String) r[10],
        (String) r[11],
        EntryStatus.valueOf((String) r[12]),
        (UUID) r[13],
        (BigDecimal) r[14],
        (String) r[15],
        (String) r[16]);
  }
}
