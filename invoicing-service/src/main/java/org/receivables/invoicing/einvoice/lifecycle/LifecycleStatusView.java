package org.receivables.invoicing.einvoice.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded lifecycle status. */
@Schema(name = "LifecycleStatus")
public record LifecycleStatusView(
    UUID id,
    UUID invoiceId,
    @Schema(implementation = LifecycleStatus.class) String status,
    @Schema(description = "The reform's code", example = "210") String code,
    @Schema(description = "The reform's French name", example = "Refusée") String label,
    LocalDate occurredOn,
    @Schema(nullable = true, type = SchemaType.STRING) String reason,
    @Schema(enumeration = {"PLATFORM", "LEDGER"}) String source,
    @Schema(
            description = "What the status did to the invoice",
            enumeration = {"NONE", "DISPUTE_OPENED", "ALREADY_DISPUTED", "INVOICE_CANCELLED"})
        String effect,
    @Schema(nullable = true, description = "The dispute it opened") UUID disputeId,
    Instant recordedAt) {

  static LifecycleStatusView of(LifecycleStatusEntry e) {
    return new LifecycleStatusView(
        e.id,
        e.invoiceId,
        e.status.name(),
        e.code,
        e.status.label(),
        e.occurredOn,
        e.reason,
        e.source.name(),
        e.effect.name(),
        e.disputeId,
        e.createdAt);
  }
}
