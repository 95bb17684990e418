package org.receivables.kpi.target;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kpi.formula.TargetVariance.Comparison;

/** A tenant's target for one KPI. */
@Schema(name = "Target")
public record Target(
    @Schema(example = "DSO") Kpi kpi,
    @Schema(description = "AT_MOST for DSO-like figures, AT_LEAST for CEI-like ones")
        Comparison comparison,
    @Schema(description = "In the KPI's unit: days or percent", example = "45") BigDecimal value,
    Instant updatedAt,
    @Schema(description = "Who set it") String updatedBy) {}
