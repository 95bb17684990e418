package org.receivables.invoicing.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change to an invoice. */
@Schema(name = "AuditEntry", description = "One change to an invoice: who, what, when")
public record AuditEntry(
    @Schema(description = "Order of the entry in the trail", example = "42") long sequence,
    @Schema(description = "When the change committed", example = "2026-11-23T10:15:30Z") Instant at,
    @Schema(description = "Who made it: the API key's name or the person", example = "erp-sap")
        String principal,
    @Schema(
            description = "What was done",
            enumeration = {
              "ISSUED",
              "PAYMENT_RECEIVED",
              "PAYMENT_REVERSED",
              "CANCELLED",
              "WRITTEN_OFF",
              "CREDIT_NOTE_ISSUED",
              "DISPUTE_OPENED",
              "DISPUTE_RESOLVED",
              "DUE_DATE_CHANGED",
              "LIFECYCLE_STATUS"
            },
            example = "PAYMENT_RECEIVED")
        String action,
    @Schema(
            description = "The change in words, with the figures after it",
            example = "payment 500.00 EUR; outstanding 700.00, PARTIALLY_PAID")
        String detail) {}
