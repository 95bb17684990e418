package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A customer's current score as stored after its last recomputation. */
public record StoredScore(
    String customerId,
    int score,
    RiskClass riskClass,
    BigDecimal probabilityOfDefault,
    BigDecimal recommendedLimit,
    BigDecimal creditLimit,
    String currency,
    List<Reason> reasons,
    LocalDate asOf,
    Instant computedAt) {}
