package org.receivables.dunning.policy;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A policy as a client writes it; every write creates a new version. */
@Schema(name = "PolicyRequest")
public record PolicyRequest(
    @Schema(description = "Unique name within the tenant", example = "Key accounts") String name,
    @Schema(example = "Softer ladder for our 20 largest customers") String description,
    @Schema(
            description =
                "Used for customers no assignment, segment or risk class matches; one per tenant")
        Boolean isDefault,
    @Schema(description = "Risk classes (A..E) this policy applies to", example = "[\"A\",\"B\"]")
        List<String> riskClasses,
    @Schema(description = "Customer segments this policy applies to", example = "[\"KEY\"]")
        List<String> segments,
    @Schema(description = "Lower wins when several policies match; default 100", example = "50")
        Integer priority,
    @Schema(
            description = "Minimum days between two steps on the same invoice; default 5",
            example = "5")
        Integer minGapDays,
    @Schema(description = "Late-payment interest claimed in formal notices; default FR_LEGAL")
        InterestBasis interestBasis,
    @Schema(description = "Annual rate in percent, required with CONTRACTUAL", example = "12.00")
        BigDecimal contractualRate,
    @Schema(description = "The ladder, in order of offsetDays") List<PolicyStep> steps) {}
