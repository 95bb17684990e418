package org.receivables.events;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's score, risk class or credit limit changed. */
public record ScoreChanged(
    String tenantId,
    String customerId,
    int score,
    String riskClass,
    BigDecimal probabilityOfDefault,
    BigDecimal creditLimit,
    String currency,
    Instant computedAt)
    implements DomainEvent {

  public static final String TYPE = "receivables.score.changed.v1";

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
