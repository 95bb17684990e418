package org.receivables.dunning.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rung of a dunning ladder; the annotations are its field rules. */
@Schema(name = "PolicyStep")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyStep(
    @Schema(
            description =
                "Stable code, unique within the policy; a step is never done twice per invoice",
            example = "FRIENDLY")
        @NotNull(message = CODE_RULE)
        @Pattern(regexp = CODE, message = CODE_RULE)
        String code,
    @Schema(description = "Name shown to collectors", example = "Friendly reminder")
        @NotBlank(message = "is required")
        String name,
    @Schema(
            description = "Days from the due date when the step is due; negative = before it",
            example = "1")
        @Min(value = MIN_OFFSET, message = "must be between -90 and 730")
        @Max(value = MAX_OFFSET, message = "must be between -90 and 730")
        int offsetDays,
    @Schema(description = "Channels of the message (required with SEND or FORMAL_NOTICE)")
        List<Channel> channels,
    @Schema(
            description = "Message template: courtesy, friendly, second or formal-notice",
            example = "friendly")
        String template,
    @Schema(
            description =
                "The step is skipped for a customer whose invoices at this step total less",
            example = "15.00")
        @DecimalMin(value = "0", message = "must not be negative")
        BigDecimal minimumAmount,
    @Schema(description = "What the step does") List<StepAction> actions) {

  /** A step code: what "never twice the same step" is checked against. */
  static final String CODE = "[A-Z][A-Z0-9_]{0,39}";

  static final String CODE_RULE = "must be 1-40 of A-Z, 0-9 and _, starting with a letter";
  static final int MIN_OFFSET = -90;
  static final int MAX_OFFSET = 730;

  public boolean has(StepAction action) {
    return actions != null && actions.stream().anyMatch(a -> a == action);
  }

  /** True when the step sends a message to the customer. */
  public boolean sends() {
    return has(StepAction.SEND) || has(StepAction.FORMAL_NOTICE);
  }
}
