package org.receivables.scoring.external;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the tenant's sector risk table. */
public record SectorRisk(
    String sector,
    SectorRiskLevel level,
    @Schema(nullable = true, description = "Why; null when none was given") String note,
    String updatedBy,
    Instant updatedAt) {}
