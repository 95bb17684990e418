package org.receivables.invoicing.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.invoicing.customer.CustomerRequest.PaymentTermsRequest;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.TenantScope;

/**
 * Registers and finds customers of one tenant; the tenant is always an argument, never a default.
 */
@ApplicationScoped
public class CustomerService {

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject TenantScope tenants;

  @Transactional
  public Customer register(String tenantId, CustomerRequest request) {
    requireCurrency(request);
    refuseTakenRef(tenantId, request.externalRef());
    // Schedulers spanning tenants (retention) start from the kit's tenant list.
    tenants.register(tenantId);
    Customer c = new Customer();
    c.id = UUID.randomUUID();
    c.tenantId = tenantId;
    apply(c, request);
    c.createdAt = Instant.now(clock);
    c.persist();
    flushOrConflict(request.externalRef());
    outbox.record(Topics.INVOICING, registered(c));
    return c;
  }

  /**
   * Replaces a customer's data if the caller read the current version ({@code If-Match}); the row
   * is locked first, so two updates from the same version cannot both succeed.
   *
   * @param expectedVersion the version the caller read, or -1 for {@code If-Match: *}
   */
  @Transactional
  public Customer update(String tenantId, UUID id, long expectedVersion, CustomerRequest request) {
    requireCurrency(request);
    Customer c = em.find(Customer.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || !c.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Customer", id);
    }
    if (expectedVersion >= 0 && c.version != expectedVersion) {
      throw org.receivables.invoicing.common.Problems.preconditionFailed(
          "Customer "
              + id
              + " changed since you read it (your version "
              + expectedVersion
              + ", current "
              + c.version
              + "); read it again and reapply your change");
    }
    if (!c.externalRef.equals(request.externalRef())) {
      refuseTakenRef(tenantId, request.externalRef());
    }
    apply(c, request);
    c.updatedAt = Instant.now(clock);
    flushOrConflict(request.externalRef());
    outbox.record(Topics.INVOICING, updated(c));
    return c;
  }

  /**
   * Applies a credit-hold decision from scoring to the customer's read-only hold fields. An event
   * about a customer this service does not know (another environment, a deleted test tenant) is
   * skipped, and an event older than the last applied one changes nothing, so reordering is
   * harmless. The caller ({@link CreditHoldConsumer}, through the kit's handler table) has bound
   * the tenant and de-duplicated the event. Publishes nothing: the hold is scoring's fact,
   * published by scoring alone, not echoed in {@code CustomerUpdated}.
   *
   * @return true when the customer changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean applyCreditHold(CreditHoldChanged event) {
    UUID id;
    try {
      id = UUID.fromString(event.customerId());
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
    Customer c = em.find(Customer.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || !c.tenantId.equals(event.tenantId())) {
      return false;
    }
    Instant at = event.changedAt() == null ? Instant.now(clock) : event.changedAt();
    if (c.creditHoldChangedAt != null && at.isBefore(c.creditHoldChangedAt)) {
      return false;
    }
    boolean changed = c.creditHold != event.onHold();
    c.creditHold = event.onHold();
    c.creditHoldReason = event.onHold() ? event.reason() : null;
    c.creditHoldChangedAt = at;
    if (changed) {
      c.updatedAt = Instant.now(clock);
    }
    return changed;
  }

  /** The tenant's customer, or 404 as if another tenant's customer did not exist. */
  public Customer get(String tenantId, UUID id) {
    Customer c = Customer.findById(id);
    if (c == null || !c.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Customer", id);
    }
    return c;
  }

  public Page<Customer> list(String tenantId, String externalRef, String cursor, Integer limit) {
    return list(tenantId, new Filter(externalRef, null, null, null), cursor, limit);
  }

  /** The filters of the customer list; null means "any". */
  public record Filter(String externalRef, String segment, Boolean creditHold, Boolean doNotDun) {}

  public Page<Customer> list(String tenantId, Filter filter, String cursor, Integer limit) {
    int size = Cursor.limit(limit);
    UUID after = Cursor.decodeId(cursor);
    StringBuilder where = new StringBuilder("tenantId = :tenant");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("tenant", tenantId);
    if (filter.externalRef() != null) {
      where.append(" and externalRef = :ref");
      params.put("ref", filter.externalRef());
    }
    if (filter.segment() != null) {
      where.append(" and segment = :segment");
      params.put("segment", filter.segment());
    }
    if (filter.creditHold() != null) {
      where.append(" and creditHold = :hold");
      params.put("hold", filter.creditHold());
    }
    if (filter.doNotDun() != null) {
      where.append(" and doNotDun = :dnd");
      params.put("dnd", filter.doNotDun());
    }
    if (after != null) {
      where.append(" and id > :after");
      params.put("after", after);
    }
    var query = em.createQuery("from Customer where " + where + " order by id", Customer.class);
    params.forEach(query::setParameter);
    List<Customer> rows = query.setMaxResults(size + 1).getResultList();
    return Page.of(rows, size, c -> c.id.toString());
  }

  private static void requireCurrency(CustomerRequest request) {
    if (Money.currency(request.currency()).isEmpty()) {
      throw ProblemException.invalid("currency", "is not an ISO 4217 currency");
    }
  }

  private static void refuseTakenRef(String tenantId, String externalRef) {
    if (Customer.count("tenantId = ?1 and externalRef = ?2", tenantId, externalRef) > 0) {
      throw takenRef(externalRef);
    }
  }

  private static ProblemException takenRef(String externalRef) {
    return ProblemException.conflict(
        "A customer with externalRef " + externalRef + " already exists");
  }

  /** Flushes; a unique key broken meanwhile (a concurrent write of the same ref) is a 409. */
  private void flushOrConflict(String externalRef) {
    try {
      em.flush();
    } catch (jakarta.persistence.PersistenceException e) {
      if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
        throw takenRef(externalRef);
      }
      throw e;
    }
  }

  /** The request's data onto the customer, terms checked ({@link #applyTerms}). */
  private static void apply(Customer c, CustomerRequest request) {
    c.externalRef = request.externalRef();
    c.name = request.name();
    c.legalId = request.legalId();
    c.country = request.country();
    c.currency = request.currency();
    c.language = request.language();
    c.email = request.email();
    c.phone = request.phone();
    c.segment = request.segment();
    c.doNotDun = Boolean.TRUE.equals(request.doNotDun());
    applyTerms(c, request.paymentTerms());
  }

  static void applyTerms(Customer c, PaymentTermsRequest terms) {
    boolean eom = Boolean.TRUE.equals(terms.endOfMonth());
    if (!eom && terms.endOfMonthRule() != null && terms.endOfMonthRule() != EndOfMonthRule.NONE) {
      throw ProblemException.invalid(
          "paymentTerms.endOfMonthRule", "needs endOfMonth: true (or leave it out)");
    }
    if ((terms.discountPercent() == null) != (terms.discountDays() == null)) {
      throw ProblemException.invalid(
          "paymentTerms.discountDays", "discountPercent and discountDays go together");
    }
    if (terms.discountDays() != null && terms.discountDays() > terms.days()) {
      throw ProblemException.invalid(
          "paymentTerms.discountDays", "must not exceed the payment terms' days");
    }
    c.termsDays = terms.days();
    c.termsEndOfMonth =
        !eom
            ? EndOfMonthRule.NONE
            : terms.endOfMonthRule() == null
                ? EndOfMonthRule.DAYS_THEN_END_OF_MONTH
                : terms.endOfMonthRule();
    c.discountPercent = terms.discountPercent();
    c.discountDays = terms.discountDays();
  }

  static CustomerUpdated updated(Customer c) {
    return new CustomerUpdated(
        c.tenantId,
        c.id.toString(),
        c.externalRef,
        c.name,
        c.country,
        c.currency,
        c.language,
        c.email,
        c.phone,
        c.segment,
        new PaymentTermsData(c.termsDays, c.termsEndOfMonth.name()),
        c.doNotDun);
  }

  static CustomerRegistered registered(Customer c) {
    return new CustomerRegistered(
        c.tenantId,
        c.id.toString(),
        c.externalRef,
        c.name,
        c.country,
        c.currency,
        c.language,
        c.email,
        c.phone,
        c.segment,
        new PaymentTermsData(c.termsDays, c.termsEndOfMonth.name()));
  }
}
