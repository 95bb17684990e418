package org.receivables.events;

/**
 * The facts scoring-service owns, published on {@link #TOPIC}: scores, credit limits and credit
 * holds (scoring alone publishes the hold; invoicing does not echo it).
 */
public sealed interface ScoringEvent extends DomainEvent permits CreditHoldChanged, ScoreChanged {

  String TOPIC = "receivables.scoring.v1";

  @Override
  default String topic() {
    return TOPIC;
  }
}
