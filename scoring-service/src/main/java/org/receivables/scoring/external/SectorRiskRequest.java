package org.receivables.scoring.external;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How risky the tenant judges a sector (matched against customers' segment). */
@Schema(name = "SectorRiskRequest")
public record SectorRiskRequest(
    @Schema(description = "LOW, MEDIUM, HIGH or VERY_HIGH") @NotNull SectorRiskLevel level,
    @Schema(example = "Insolvencies up 30 % this year") @Size(max = 500) String note) {}
