package org.receivables.scoring.external;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit bureau's rating of a customer, normalised to 0-100 by whoever enters it. */
@Schema(name = "ExternalRating")
public record ExternalRatingRequest(
    @Schema(description = "Who rated", example = "Banque de France") @NotBlank @Size(max = 100)
        String source,
    @Schema(description = "The bureau's own grade, kept for reading", example = "4+")
        @Size(max = 50)
        String rating,
    @Schema(description = "The rating on a 0-100 scale, higher is safer", example = "72")
        @NotNull
        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        BigDecimal score,
    @Schema(description = "Date of the rating; not in the future", example = "2026-10-01") @NotNull
        LocalDate ratedOn) {}
