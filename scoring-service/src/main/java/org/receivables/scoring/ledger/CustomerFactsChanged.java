package org.receivables.scoring.ledger;

/**
 * Fired (as a synchronous CDI event, inside the caller's transaction) when something the score
 * reads changed for a customer: a filed statement, a rating, a sector's risk. The score observes it
 * and recomputes, so the packages that hold those facts need not know the score.
 *
 * @param trigger what the score history records as the cause
 */
public record CustomerFactsChanged(String tenantId, String customerId, String trigger) {}
