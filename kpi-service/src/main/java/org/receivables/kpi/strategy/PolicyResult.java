package org.receivables.kpi.strategy;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How well one dunning policy version did with one step on one channel over a period. */
@Schema(name = "PolicyResult")
public record PolicyResult(
    @Schema(
            nullable = true,
            description =
                "The dunning policy that chose the step; null for the unknown policy group:"
                    + " escalations and reminders sent before dunning named their policy")
        String policyId,
    @Schema(nullable = true, description = "The policy's version; null with policyId")
        Integer policyVersion,
    @Schema(description = "Reminders of this policy version sent in the period") long reminders,
    @Schema(description = "What they asked for, as in the step's row") BigDecimal amountReminded,
    @Schema(description = "Paid within 14 days of each, as in the step's row")
        BigDecimal paidWithin14Days,
    @Schema(
            nullable = true,
            description =
                "Success rate of this policy version, percent: paidWithin14Days ÷ amountReminded"
                    + " × 100; null when amountReminded is zero",
            example = "62.5")
        BigDecimal successRate) {}
