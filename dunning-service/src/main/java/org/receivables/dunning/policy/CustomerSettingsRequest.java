package org.receivables.dunning.policy;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How dunning treats one customer, beyond what invoicing says about it. */
@Schema(name = "CustomerSettingsRequest")
public record CustomerSettingsRequest(
    @Schema(description = "Assigned policy; absent = chosen by segment, risk class or default")
        UUID policyId,
    @Schema(description = "Do not dun this customer (until exemptUntil, if set)") Boolean exempt,
    @Schema(
            description = "Last day of the exemption; absent = until lifted",
            example = "2026-09-30")
        LocalDate exemptUntil,
    @Schema(description = "Why, for the case file", example = "Strategic account, CFO handles it")
        @Size(max = 1000)
        String reason) {}
