package org.receivables.dunning.run;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dunning run for a date. */
@Schema(name = "RunRequest")
public record RunRequest(
    @Schema(required = true, description = "The day the run acts as of", example = "2026-07-01")
        LocalDate asOf,
    @Schema(description = "Show what would be done without sending or recording anything")
        Boolean dryRun) {}
