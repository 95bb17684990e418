package org.receivables.dunning.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message to one customer on one channel for one step. */
@Schema(name = "Reminder")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderView(
    UUID id,
    UUID runId,
    String customerId,
    @Schema(description = "Every invoice the message lists") List<String> invoiceIds,
    @Schema(description = "Invoice numbers, in the order listed") List<String> invoiceNumbers,
    @Schema(example = "FRIENDLY") String step,
    @Schema(example = "Friendly reminder") String stepName,
    @Schema(description = "EMAIL, SMS or LETTER", example = "EMAIL") String channel,
    @Schema(example = "friendly") String template,
    @Schema(example = "fr") String language,
    UUID policyId,
    int policyVersion,
    LocalDate asOf,
    @Schema(example = "1450.00") BigDecimal amount,
    @Schema(description = "Late-payment interest claimed (formal notices)") BigDecimal interest,
    @Schema(description = "Fixed recovery indemnities claimed (formal notices)")
        BigDecimal indemnity,
    @Schema(example = "EUR") String currency,
    @Schema(description = "E-mail address, phone number, or addressee of the letter")
        String recipient,
    String subject,
    @Schema(
            description =
                "PENDING (not yet sent), SENT, or FAILED (retries exhausted; never counted as sent)")
        String status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    @Schema(description = "The letter as PDF, for LETTER reminders") String documentUrl) {}
