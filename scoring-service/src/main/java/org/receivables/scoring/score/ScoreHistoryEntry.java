package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a customer's score, class or limit. */
@Schema(name = "ScoreHistoryEntry")
public record ScoreHistoryEntry(
    int score,
    RiskClass riskClass,
    BigDecimal probabilityOfDefault,
    BigDecimal creditLimit,
    String currency,
    LocalDate asOf,
    Instant computedAt,
    @Schema(
            description =
                "What caused the recomputation: an event type, a manual change or the nightly run",
            example = "receivables.payment.received.v1")
        String trigger,
    List<Reason> reasons) {}
