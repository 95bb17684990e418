package org.receivables.dunning.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A policy as a client writes it; every write creates a new version. The annotations are the field
 * rules; the rules between fields and steps (the ladder) are {@link PolicyValidator}'s.
 */
@Schema(name = "PolicyRequest")
public record PolicyRequest(
    @Schema(description = "Unique name within the tenant", example = "Key accounts")
        @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        String name,
    @Schema(example = "Softer ladder for our 20 largest customers") String description,
    @Schema(
            description =
                "Used for customers no assignment, segment or risk class matches; one per tenant")
        Boolean isDefault,
    @Schema(description = "Risk classes (A..E) this policy applies to", example = "[\"A\",\"B\"]")
        List<
                @NotNull(message = "must be one of A, B, C, D, E")
                @Pattern(regexp = "[A-E]", message = "must be one of A, B, C, D, E") String>
            riskClasses,
    @Schema(description = "Customer segments this policy applies to", example = "[\"KEY\"]")
        List<@NotBlank(message = "must not be blank") String> segments,
    @Schema(description = "Lower wins when several policies match; default 100", example = "50")
        @Min(value = 0, message = "must be between 0 and 10000")
        @Max(value = 10_000, message = "must be between 0 and 10000")
        Integer priority,
    @Schema(
            description = "Minimum days between two steps on the same invoice; default 5",
            example = "5")
        @Min(value = 0, message = "must be between 0 and 90")
        @Max(value = 90, message = "must be between 0 and 90")
        Integer minGapDays,
    @Schema(description = "Late-payment interest claimed in formal notices; default FR_LEGAL")
        InterestBasis interestBasis,
    @Schema(description = "Annual rate in percent, required with CONTRACTUAL", example = "12.00")
        @DecimalMin(value = "0", message = "must be between 0 and 100 (percent per year)")
        @DecimalMax(value = "100", message = "must be between 0 and 100 (percent per year)")
        BigDecimal contractualRate,
    @Schema(description = "The ladder, in order of offsetDays")
        @NotEmpty(message = "must list at least one step")
        @Size(max = 20, message = "must list at most 20 steps")
        List<@NotNull(message = "must not be null") @Valid PolicyStep> steps) {}
