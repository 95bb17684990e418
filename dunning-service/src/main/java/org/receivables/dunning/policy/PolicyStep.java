package org.receivables.dunning.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rung of a dunning ladder. */
@Schema(name = "PolicyStep")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyStep(
    @Schema(
            description =
                "Stable code, unique within the policy; a step is never done twice per invoice",
            example = "FRIENDLY")
        String code,
    @Schema(description = "Name shown to collectors", example = "Friendly reminder") String name,
    @Schema(
            description = "Days from the due date when the step is due; negative = before it",
            example = "1")
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
        BigDecimal minimumAmount,
    @Schema(description = "What the step does") List<StepAction> actions) {

  public boolean has(StepAction action) {
    return actions != null && actions.stream().anyMatch(a -> a == action);
  }

  /** True when the step sends a message to the customer. */
  public boolean sends() {
    return has(StepAction.SEND) || has(StepAction.FORMAL_NOTICE);
  }
}
