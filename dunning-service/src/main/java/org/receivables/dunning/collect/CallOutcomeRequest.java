package org.receivables.dunning.collect;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What came of a collector's call. */
@Schema(name = "CallOutcomeRequest")
public record CallOutcomeRequest(
    @Schema(required = true) @NotNull Outcome outcome,
    @Schema(example = "Spoke to the accountant, payment run on Friday") @Size(max = 4000)
        String note) {

  /** How the call went. */
  public enum Outcome {
    REACHED_PROMISED,
    REACHED_DISPUTE,
    REACHED_NO_COMMITMENT,
    NO_ANSWER,
    WRONG_NUMBER,
    CALL_BACK
  }
}
