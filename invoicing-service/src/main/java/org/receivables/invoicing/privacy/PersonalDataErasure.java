package org.receivables.invoicing.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.InvoiceDocumentsErased;
import org.receivables.events.Topics;
import org.receivables.invoicing.customer.Customer;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;

/**
 * Erases a customer's personal data in invoicing and tells every replica to do the same, in one
 * transaction with the outbox: the event leaves only if the erasure committed, and is never lost
 * once it did. The ledger stays whole: the customer keeps its id, externalRef, legal id (a
 * company's registration number, needed on its invoices), country, currency, language, terms and
 * segment; invoices, payments and amounts are untouched. The invoice PDFs published on the
 * documents topic are withdrawn by an {@code InvoiceDocumentsErased} there.
 */
@ApplicationScoped
public class PersonalDataErasure {

  /** What a customer's name reads after erasure (the column is required, so not null). */
  public static final String ERASED_NAME = "(erased)";

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject BusinessCalendar.TimeConfig time;

  /**
   * Erases at the request of the data subject. Idempotent: erasing an erased customer changes
   * nothing and publishes nothing.
   *
   * @throws ProblemException 404 when the tenant has no such customer
   */
  @Transactional
  public void eraseOnRequest(String tenantId, UUID customerId) {
    Customer c = em.find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE);
    if (c == null || !c.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Customer", customerId);
    }
    erase(c, CustomerPersonalDataErased.REQUEST);
  }

  /**
   * Erases one customer if the retention rule says it is due as of {@code asOf}, rechecked under
   * the customer's row lock, so that an invoice issued meanwhile or another replica's job running
   * at the same time changes the outcome, not the correctness.
   *
   * @return whether it erased
   */
  @Transactional
  public boolean eraseIfDue(UUID customerId, RetentionRule rule, LocalDate asOf) {
    Customer c = em.find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE);
    if (c == null) {
      return false;
    }
    if (!rule.due(account(customerId), asOf)) {
      return false;
    }
    erase(c, CustomerPersonalDataErased.RETENTION);
    return true;
  }

  /** The tenants this service knows (the kit's list, readable without a tenant binding). */
  @Transactional
  public List<String> tenants() {
    return NamedRows.column(
        em.createNativeQuery("select tenant from service_tenant order by tenant"), String.class);
  }

  /**
   * Customers of the bound tenant whose last activity is on or before {@code cutoff}, after {@code
   * after} in id order: the candidates of a retention run, judged one by one by the rule.
   */
  @Transactional
  public List<UUID> candidates(LocalDate cutoff, UUID after, int limit) {
    return NamedRows.column(
        em.createNativeQuery(
                "select c.id from customer c where c.id > :after and "
                    + LAST_ACTIVITY
                    + " <= :cutoff and not exists (select 1 from invoice i where i.customer_id = c.id"
                    + " and i.status in ('OPEN', 'PARTIALLY_PAID')) and (c.personal_data_erasure is"
                    + " distinct from 'RETENTION' or c.name <> :erased or c.email is not null or"
                    + " c.phone is not null) order by c.id limit :limit")
            .setParameter("after", after == null ? new UUID(0, 0) : after)
            .setParameter("cutoff", cutoff)
            .setParameter("erased", ERASED_NAME)
            .setParameter("zone", time.defaultZone().getId())
            .setParameter("limit", limit),
        UUID.class);
  }

  /** The latest day anything happened on the account, in the suite's time zone. */
  private static final String LAST_ACTIVITY =
      "greatest((c.created_at at time zone :zone)::date, (c.updated_at at time zone :zone)::date,"
          + " (select max(greatest(i.issue_date, i.closed_on)) from invoice i where i.customer_id ="
          + " c.id), (select max(coalesce(p.reversed_on, p.received_on)) from payment p where"
          + " p.customer_id = c.id))";

  private RetentionRule.Account account(UUID id) {
    var query =
        em.createNativeQuery(
                "select "
                    + LAST_ACTIVITY
                    + " as last_activity, exists (select 1 from invoice i where i.customer_id ="
                    + " c.id and i.status in ('OPEN', 'PARTIALLY_PAID')) as open_invoices, (c.name"
                    + " <> :erased or c.email is not null or c.phone is not null) as personal_data,"
                    + " c.personal_data_erasure as last_erasure from customer c where c.id = :id",
                Tuple.class)
            .setParameter("zone", time.defaultZone().getId())
            .setParameter("erased", ERASED_NAME)
            .setParameter("id", id);
    return NamedRows.first(query, RetentionRule.Account.class).orElseThrow();
  }

  private void erase(Customer c, String reason) {
    boolean held = !ERASED_NAME.equals(c.name) || c.email != null || c.phone != null;
    // nothing left to erase, and replicas already heard an erasure at least as thorough
    if (!held
        && c.personalDataErasure != null
        && (CustomerPersonalDataErased.REQUEST.equals(reason)
            || CustomerPersonalDataErased.RETENTION.equals(c.personalDataErasure))) {
      return;
    }
    Instant now = Instant.now(clock);
    c.name = ERASED_NAME;
    c.email = null;
    c.phone = null;
    c.personalDataErasedAt = now;
    c.personalDataErasure = reason;
    em.flush();
    outbox.record(
        Topics.INVOICING, new CustomerPersonalDataErased(c.tenantId, c.id.toString(), reason, now));
    // the invoice PDFs published before print the customer's name: their copies go too
    outbox.record(new InvoiceDocumentsErased(c.tenantId, c.id.toString(), reason, now));
  }
}
