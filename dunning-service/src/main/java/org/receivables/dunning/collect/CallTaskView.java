package org.receivables.dunning.collect;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call for a collector to make. */
@Schema(name = "CallTask")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallTaskView(
    UUID id,
    String customerId,
    String customerName,
    String phone,
    String step,
    List<String> invoiceIds,
    String currency,
    @Schema(description = "Amount at stake", example = "1450.00") BigDecimal amount,
    @Schema(
            description = "Probability of collecting (1 - probability of default)",
            example = "0.92")
        BigDecimal probability,
    @Schema(
            description = "amount x probability: the worklist is ordered by it, highest first",
            example = "1334.00")
        BigDecimal expectedValue,
    LocalDate dueOn,
    @Schema(description = "OPEN or DONE") String status,
    String outcome,
    String note,
    String doneBy,
    Instant doneAt) {}
