package org.receivables.scoring.hold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.Topics;
import org.receivables.kit.outbox.Outbox;

/**
 * Credit holds, of which scoring is the only owner: every change is a {@link CreditHold} row and a
 * {@link CreditHoldChanged} event on scoring's topic, which invoicing and dunning follow. Scoring
 * never reads a hold back from another service's event (invoicing's {@code CustomerUpdated} is not
 * a source of holds here).
 */
@ApplicationScoped
public class CreditHolds {

  @Inject Outbox outbox;
  @Inject Clock clock;

  /** One change of a customer's hold. */
  public record Change(boolean onHold, String reason, String changedBy, Instant changedAt) {}

  public Optional<Change> current(String tenant, String customer) {
    return history(tenant, customer, 1).stream().findFirst();
  }

  public boolean onHold(String tenant, String customer) {
    return current(tenant, customer).map(Change::onHold).orElse(false);
  }

  /** Newest first. */
  public List<Change> history(String tenant, String customer, int limit) {
    return CreditHold.<CreditHold>find(
            "tenantId = ?1 and customerId = ?2 order by id desc", tenant, customer)
        .page(0, limit)
        .list()
        .stream()
        .map(h -> new Change(h.onHold, h.reason, h.changedBy, h.changedAt))
        .toList();
  }

  /**
   * Puts the customer on hold or releases it; nothing happens (and nothing is announced) when the
   * state does not change.
   *
   * @return true when the state changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean set(String tenant, String customer, boolean onHold, String reason, String by) {
    if (!HoldRules.changes(onHold(tenant, customer), onHold)) {
      return false;
    }
    CreditHold h = new CreditHold();
    h.tenantId = tenant;
    h.customerId = customer;
    h.onHold = onHold;
    h.reason = reason;
    h.changedBy = by;
    h.changedAt = Instant.now(clock);
    h.persist();
    outbox.record(
        Topics.SCORING, new CreditHoldChanged(tenant, customer, onHold, reason, by, h.changedAt));
    return true;
  }
}
