package org.receivables.dunning.commitment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A promise to pay or a payment plan as the API shows it. */
@Schema(name = "Commitment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitmentView(
    UUID id,
    @Schema(description = "PROMISE or PLAN") String kind,
    String customerId,
    List<String> invoiceIds,
    String currency,
    @Schema(description = "Promised amount or plan total", example = "1200.00") BigDecimal amount,
    @Schema(description = "Promise: promised date; plan: last instalment") LocalDate dueDate,
    LocalDate madeOn,
    int graceDays,
    @Schema(description = "ACTIVE, KEPT, BROKEN (promise); ACTIVE, COMPLETED, BROKEN (plan)")
        String status,
    LocalDate closedOn,
    List<Instalment> instalments,
    Boolean waiveFees,
    String note,
    String createdBy) {}
