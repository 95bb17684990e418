package org.receivables.dunning.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.replica.ReplicaChange;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.CustomerPersonalDataErased;

/**
 * Applies invoicing's erasure of a customer's personal data to what dunning holds: the replica's
 * name, e-mail and phone, and the addresses reminders were sent to. A reminder not yet sent is
 * withdrawn (FAILED, its text erased, never retried): its address is gone. A sent reminder keeps
 * its text and letter after an erasure on request, as evidence of the formal notice for a claim
 * still open (GDPR art. 17(3)(e)); after the retention period (reason RETENTION) they go too.
 * Amounts, steps, dates and invoice ids stay: they are the ledger of what was claimed.
 */
@ApplicationScoped
public class PersonalDataErasure {

  /** What an erased reminder text reads. */
  static final String ERASED = "(erased with the customer's personal data)";

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Timeline timeline;
  @Inject DunningConfig config;

  /** Runs in the consumer's transaction, right after the replica blanked the customer. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(@Observes ReplicaChange.PersonalDataErased erased) {
    CustomerPersonalDataErased e = erased.event();
    int withdrawn =
        em.createNativeQuery(
                "update reminder set recipient = null, subject = null, content = :erased,"
                    + " document = null, status = 'FAILED', attempts = greatest(attempts, :max),"
                    + " last_error = 'Not sent: the customer''s personal data was erased'"
                    + " where tenant_id = :t and customer_id = :c and status in ('PENDING', 'FAILED')")
            .setParameter("erased", ERASED)
            .setParameter("max", config.send().maxTotalAttempts())
            .setParameter("t", e.tenantId())
            .setParameter("c", e.customerId())
            .executeUpdate();
    boolean retention = CustomerPersonalDataErased.RETENTION.equals(e.reason());
    var sent =
        em.createNativeQuery(
                "update reminder set recipient = null"
                    + (retention ? ", subject = null, content = :erased, document = null" : "")
                    + " where tenant_id = :t and customer_id = :c and status in ('SENT',"
                    + " 'SENDING')")
            .setParameter("t", e.tenantId())
            .setParameter("c", e.customerId());
    if (retention) {
      sent.setParameter("erased", ERASED);
    }
    sent.executeUpdate();
    timeline.record(
        e.tenantId(),
        e.customerId(),
        "PERSONAL_DATA_ERASED",
        Timeline.SYSTEM,
        "Personal data erased ("
            + (retention ? "retention period over" : "on request")
            + "); "
            + withdrawn
            + " unsent reminder(s) withdrawn",
        null,
        null);
  }
}
