package org.receivables.invoicing.cash.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bank statement (camt.053), notification (camt.054) or CFONB 120 file reduced to what cash
 * application needs, whatever the format it came in.
 *
 * @param statementKey what identifies the statement at its bank (camt {@code Stmt/Id}), so that the
 *     same statement imported again is recognised
 * @param opening opening booked balance, signed; null when the format carries none (camt.054)
 * @param closing closing booked balance, signed; null when absent
 */
public record ParsedStatement(
    String format,
    String account,
    String statementKey,
    String currency,
    BigDecimal opening,
    BigDecimal closing,
    List<Entry> entries) {

  /**
   * One booked (or pending) movement of the account.
   *
   * @param entryKey unique per account at its bank: NtryRef, else AcctSvcrRef, else the format's
   *     own reference
   * @param credit money in; debits are recorded and never matched
   * @param reversal the bank undid an earlier entry (a returned transfer)
   * @param booked whether the bank booked it (pending entries are not applied)
   */
  public record Entry(
      String entryKey,
      String entryReference,
      BigDecimal amount,
      String currency,
      boolean credit,
      boolean reversal,
      boolean booked,
      LocalDate bookingDate,
      String debtorName,
      String debtorIban,
      String remittance,
      String endToEndId) {

    /** The signed amount the entry moves the balance by. */
    public BigDecimal signed() {
      return credit ? amount : amount.negate();
    }
  }
}
