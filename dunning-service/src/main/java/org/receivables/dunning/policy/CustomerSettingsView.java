package org.receivables.dunning.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as dunning sees it: replica data, settings and the policy that applies. */
@Schema(name = "DunningCustomer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerSettingsView(
    String customerId,
    @Schema(description = "Absent until the customer's data arrived from invoicing") String name,
    String language,
    String email,
    String phone,
    String segment,
    @Schema(description = "From scoring", example = "B") String riskClass,
    @Schema(description = "Marked do-not-dun in invoicing") boolean doNotDun,
    boolean creditHold,
    UUID assignedPolicyId,
    boolean exempt,
    LocalDate exemptUntil,
    String reason,
    @Schema(description = "The policy that applies now") UUID effectivePolicyId,
    String effectivePolicyName) {}
