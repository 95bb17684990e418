package org.receivables.invoicing.dispute;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kit.money.Money;

/** A dispute as the API shows it. */
@Schema(name = "Dispute")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeView(
    UUID id,
    UUID invoiceId,
    @Schema(example = "Goods delivered damaged") String reason,
    @Schema(description = "Disputed part; absent when the whole invoice", example = "120.00")
        BigDecimal amount,
    Dispute.Status status,
    @Schema(example = "2026-12-05") LocalDate openedOn,
    Dispute.Outcome outcome,
    Dispute.Resolution resolution,
    String note,
    LocalDate resolvedOn,
    @Schema(description = "The credit note issued on acceptance, if any") UUID creditNoteId) {

  static DisputeView of(Dispute d, String currency, UUID creditNoteId) {
    return new DisputeView(
        d.id,
        d.invoiceId,
        d.reason,
        d.amount == null ? null : Money.round(d.amount, currency),
        d.status,
        d.openedOn,
        d.outcome,
        d.resolution,
        d.note,
        d.resolvedOn,
        creditNoteId);
  }
}
