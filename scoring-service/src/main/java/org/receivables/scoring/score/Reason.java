package org.receivables.scoring.score;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One factor of a score and how many points it moved the score, with a sentence a person reads. */
@Schema(name = "ScoreReason")
public record Reason(
    @Schema(
            description = "Stable factor code, documented in docs/scoring.md",
            example = "paymentDelay")
        String factor,
    @Schema(
            description =
                "Points this factor added (+) or took (−) from the neutral start; 0 for notes",
            example = "-42")
        int effect,
    @Schema(example = "Paid on average 18.5 days late over the last 12 months (amount-weighted)")
        String detail) {}
