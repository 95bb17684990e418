package org.receivables.scoring.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.Topics;
import org.receivables.kit.outbox.Outbox;
import org.receivables.scoring.ledger.Rows;

/**
 * Credit holds: placed by policy (entering a class that holds), by dunning (a hold request), or by
 * a credit manager; released only by a credit manager. Every change is a row (the audit trail) and
 * a {@link CreditHoldChanged} event.
 */
@ApplicationScoped
public class CreditHolds {

  /** Who changes holds on the model's behalf, for the audit trail. */
  public static final String POLICY = "policy";

  public static final String DUNNING = "dunning";

  @Inject EntityManager em;
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select on_hold, reason, changed_by, changed_at from sc_credit_hold where tenant_id"
                    + " = :t and customer_id = :c order by id desc limit :n")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Change(
                    Boolean.TRUE.equals(r[0]),
                    Rows.text(r[1]),
                    Rows.text(r[2]),
                    Rows.instant(r[3])))
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
    if (onHold(tenant, customer) == onHold) {
      return false;
    }
    Instant now = Instant.now(clock);
    em.createNativeQuery(
            "insert into sc_credit_hold (tenant_id, customer_id, on_hold, reason, changed_by,"
                + " changed_at) values (:t, :c, :hold, :reason, :by, :at)")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("hold", onHold)
        .setParameter("reason", reason)
        .setParameter("by", by)
        .setParameter("at", now)
        .executeUpdate();
    outbox.record(Topics.SCORING, new CreditHoldChanged(tenant, customer, onHold, reason, by, now));
    return true;
  }
}
