package org.receivables.invoicing.cash;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.invoicing.cash.match.EntryStatus;

/** What the cash-application endpoints answer. */
public final class CashViews {

  private CashViews() {}

  /** An imported statement and how its entries stand. */
  @Schema(name = "BankStatement")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StatementView(
      UUID id,
      @Schema(description = "The account's IBAN (or bank-bank-account for CFONB)") String account,
      @Schema(description = "camt.053.001.NN, camt.054.001.NN or cfonb120") String format,
      @Schema(description = "Entries in the statement") int entries,
      int matched,
      int suggested,
      int unmatched,
      int ignored,
      @Schema(
              description =
                  "Whether opening balance plus booked entries gives the closing balance;"
                      + " absent when the statement carries no balances",
              nullable = true)
          Boolean balanced,
      @Schema(description = "Why the balances do not add up", nullable = true) String balanceNote) {

    static StatementView of(StatementImport.StatementSummary s) {
      return new StatementView(
          s.id(),
          s.account(),
          s.format(),
          s.entries(),
          count(s, EntryStatus.MATCHED),
          count(s, EntryStatus.SUGGESTED),
          count(s, EntryStatus.UNMATCHED),
          count(s, EntryStatus.IGNORED),
          s.balanced(),
          s.balanceNote());
    }

    private static int count(StatementImport.StatementSummary s, EntryStatus status) {
      return s.counts().getOrDefault(status, 0L).intValue();
    }
  }

  /** An asynchronous statement import: where it stands, then the statement's summary. */
  @Schema(name = "BankStatementImport")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StatementImportView(
      UUID id,
      @Schema(description = "The statement recorded, readable at /bank-statements/{statementId}")
          UUID statementId,
      @Schema(enumeration = {"RUNNING", "COMPLETED", "FAILED"}) String status,
      Instant acceptedAt,
      @Schema(description = "When it completed or failed", nullable = true) Instant finishedAt,
      @Schema(
              description = "Why it failed; sending the statement again resumes it",
              nullable = true)
          String failure,
      ImportProgress progress,
      @Schema(description = "Once COMPLETED: what the synchronous import answers", nullable = true)
          StatementView statement) {

    static StatementImportView of(StatementImports.ImportState s, StatementView statement) {
      return new StatementImportView(
          s.id(),
          s.statementId(),
          s.status().name(),
          s.acceptedAt(),
          s.finishedAt(),
          s.failure(),
          new ImportProgress(s.entries(), s.decided()),
          statement);
    }
  }

  /** How far an import got. */
  @Schema(name = "BankStatementImportProgress")
  public record ImportProgress(
      @Schema(description = "Entries in the statement") long entries,
      @Schema(description = "Entries decided so far (matched, suggested, unmatched or ignored)")
          long decided) {}

  /** A part of a transfer applied to an invoice. */
  @Schema(name = "BankEntryAllocation")
  public record AllocationView(UUID invoiceId, @Schema(example = "1200.00") BigDecimal amount) {}

  /** A ranked candidate. */
  @Schema(name = "BankEntryCandidate")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CandidateView(
      @Schema(
              description = "Absent when the candidate puts the money on the customer's account",
              nullable = true)
          UUID invoiceId,
      UUID customerId,
      @Schema(example = "1200.00") BigDecimal amount,
      @Schema(description = "0 to 1", example = "0.95") BigDecimal confidence) {}

  /** A bank entry and where cash application stands with it. */
  @Schema(name = "BankEntry")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EntryView(
      UUID id,
      @Schema(description = "NtryRef, else AcctSvcrRef (CFONB: its reference)", nullable = true)
          String entryReference,
      @Schema(example = "1200.00") BigDecimal amount,
      @Schema(example = "EUR") String currency,
      @Schema(description = "CREDIT (money in) or DEBIT") String direction,
      @Schema(description = "The bank undid an earlier entry (a returned transfer)")
          boolean reversal,
      LocalDate bookingDate,
      @Schema(nullable = true) String debtorName,
      @Schema(nullable = true) String debtorIban,
      @Schema(
              description = "Remittance information and references, as the bank gave them",
              nullable = true)
          String remittance,
      EntryStatus status,
      @Schema(description = "Confidence of the best candidate, 0 to 1", nullable = true)
          BigDecimal confidence,
      @Schema(
              description = "The customer paid, once matched or when one candidate stands out",
              nullable = true)
          UUID customerId,
      @Schema(description = "What the entry paid, per invoice") List<AllocationView> allocations,
      @Schema(description = "Ranked, best first") List<CandidateView> candidates,
      @Schema(description = "Why, in words") List<String> reasons) {}

  /** What a customer owes and holds. */
  @Schema(name = "CustomerBalance")
  public record BalanceView(
      @Schema(example = "EUR") String currency,
      @Schema(description = "Outstanding of open invoices", example = "1200.00")
          BigDecimal openInvoices,
      @Schema(description = "Cash received and not applied to an invoice", example = "50.00")
          BigDecimal unappliedCash,
      @Schema(description = "Credits held on account, not tied to an invoice", example = "0.00")
          BigDecimal unappliedCredits,
      @Schema(
              description = "openInvoices less unappliedCash and unappliedCredits",
              example = "1150.00")
          BigDecimal balance) {}

  /** Money on a customer's account. */
  @Schema(name = "AccountCredit")
  public record CreditView(
      UUID id,
      @Schema(description = "CASH (a transfer's excess) or CREDIT") String kind,
      String currency,
      BigDecimal amount,
      @Schema(description = "What is left to apply") BigDecimal remaining,
      LocalDate receivedOn,
      @Schema(description = "Where it came from, e.g. the bank entry") String source) {

    static CreditView of(AccountCredits.Credit c) {
      return new CreditView(
          c.id(), c.kind(), c.currency(), c.amount(), c.remaining(), c.receivedOn(), c.source());
    }
  }

  /** Unapplied cash applied to an invoice. */
  @Schema(name = "AccountCreditApplication")
  public record CreditApplicationView(
      UUID paymentId, UUID invoiceId, BigDecimal amount, CreditView credit) {}
}
