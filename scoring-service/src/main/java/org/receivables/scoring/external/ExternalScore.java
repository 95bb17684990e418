package org.receivables.scoring.external;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A credit bureau's judgement of a customer, normalised to 0-100 (higher is safer) by whoever
 * entered it, with its source and date.
 */
public record ExternalScore(
    String source,
    @Schema(nullable = true, description = "The bureau's own grade; null when none was entered")
        String rating,
    BigDecimal score,
    LocalDate ratedOn) {}
