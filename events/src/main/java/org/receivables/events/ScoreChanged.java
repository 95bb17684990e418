package org.receivables.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's score, risk class or credit limit changed.
 *
 * @param computedAt optional in events older than the field
 */
public record ScoreChanged(
    String tenantId,
    String customerId,
    int score,
    String riskClass,
    BigDecimal probabilityOfDefault,
    BigDecimal creditLimit,
    String currency,
    Instant computedAt)
    implements ScoringEvent {

  public static final String TYPE = "receivables.score.changed.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public ScoreChanged {
    Required.fields(TYPE, "tenantId", tenantId, "customerId", customerId);
  }

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
