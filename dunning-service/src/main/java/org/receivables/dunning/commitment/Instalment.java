package org.receivables.dunning.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One instalment of a payment plan. */
@Schema(name = "Instalment")
public record Instalment(
    @Schema(example = "2026-07-31") LocalDate dueDate,
    @Schema(example = "500.00") BigDecimal amount) {}
