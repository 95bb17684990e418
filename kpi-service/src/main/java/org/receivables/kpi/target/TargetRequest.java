package org.receivables.kpi.target;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kpi.formula.TargetVariance.Comparison;

/** The body of setting a target. */
@Schema(name = "TargetRequest")
public record TargetRequest(
    @Schema(
            description =
                "AT_MOST or AT_LEAST; by default the better direction of the KPI (AT_MOST for"
                    + " DSO, AT_LEAST for CEI)")
        Comparison comparison,
    @NotNull
        @DecimalMin(value = "-1000")
        @DecimalMax(value = "10000")
        @Schema(description = "In the KPI's unit: days or percent", example = "45", required = true)
        BigDecimal value) {}
