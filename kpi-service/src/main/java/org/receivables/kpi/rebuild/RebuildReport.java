package org.receivables.kpi.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a rebuild read and applied. */
@Schema(name = "RebuildReport")
public record RebuildReport(
    String tenantId,
    @Schema(description = "Records of the three topics read from the beginning") long recordsRead,
    @Schema(description = "The tenant's events applied to the fresh tables") long eventsApplied,
    @Schema(description = "The tenant's events seen a second time (same ce_id), not applied again")
        long duplicates,
    @Schema(
            description =
                "The tenant's records that can never be applied (malformed, or naming an invoice"
                    + " never issued); the live consumer parked them on the dead-letter topics")
        long skipped) {}
