package org.receivables.scoring.credit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.scoring.score.RiskClass;

/** A logged credit decision with every rule's verdict. */
@Schema(name = "CreditDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditDecisionView(
    UUID id,
    String customerId,
    String reference,
    @Schema(description = "APPROVE, REVIEW (a person decides) or REJECT") Decision decision,
    BigDecimal amount,
    String currency,
    @Schema(
            description = "Everything the customer owes now, before this order",
            example = "1200.00")
        BigDecimal exposure,
    @Schema(example = "5000.00") BigDecimal creditLimit,
    @Schema(description = "creditLimit − exposure, not below 0", example = "3800.00")
        BigDecimal availableCredit,
    int score,
    RiskClass riskClass,
    @Schema(description = "Every rule's verdict; the worst outcome is the decision")
        List<CreditRules.Verdict> reasons,
    String decidedBy,
    Instant decidedAt) {}
