package org.receivables.kpi.strategy;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How well one dunning step on one channel worked over a period, in all and per dunning policy
 * version (the seed's strategy success rate per policy).
 */
@Schema(name = "StrategyResult")
public record StrategyResult(
    @Schema(description = "The dunning step as dunning named it (e.g. REMINDER_1, FORMAL_NOTICE)")
        String step,
    @Schema(
            description =
                "The channel (EMAIL, SMS, LETTER, CALL...) or, for an escalation, its action"
                    + " (FORMAL_NOTICE, AGENCY, LEGAL)")
        String channel,
    @Schema(description = "Reminders of this step and channel sent in the period") long reminders,
    @Schema(
            description =
                "What they asked for: each reminder's amount (an escalation: the balance of its"
                    + " invoices the day it happened)")
        BigDecimal amountReminded,
    @Schema(
            description =
                "Paid on the reminded invoices from the day each reminder was sent to 14 days"
                    + " later (not after the period end), at most each reminder's amount")
        BigDecimal paidWithin14Days,
    @Schema(
            nullable = true,
            description =
                "Strategy success rate, percent: paidWithin14Days ÷ amountReminded × 100; null when"
                    + " nothing was asked (amountReminded is zero)",
            example = "62.5")
        BigDecimal successRate,
    @Schema(
            description =
                "The same figures per dunning policy version that sent these reminders, ordered"
                    + " by policy id and version, the unknown policy group (null id) last; they"
                    + " add up to the row's")
        List<PolicyResult> byPolicy) {}
