package org.receivables.scoring.credit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.scoring.limit.LimitOverrides;
import org.receivables.scoring.score.RiskClass;

/** A customer's credit limit: recommended, overridden, in force, and the policy of its class. */
@Schema(name = "CreditLimit")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditLimitView(
    String customerId,
    String currency,
    RiskClass riskClass,
    @Schema(example = "25000.00") BigDecimal recommended,
    @Schema(
            description = "How the recommendation was reached",
            example = "2.5 months of average billing (10000 a month)")
        String basis,
    @Schema(description = "The credit manager's override, absent when none") BigDecimal override,
    @Schema(description = "The limit in force") BigDecimal creditLimit,
    @Schema(description = "Longest payment terms the class allows") int maxTermsDays,
    @Schema(description = "The class requires payment in advance") boolean prepayment,
    @Schema(description = "Overrides, newest first (the audit trail)")
        List<LimitOverrides.Override> overrides) {}
