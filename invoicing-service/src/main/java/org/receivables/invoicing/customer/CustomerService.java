package org.receivables.invoicing.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.invoicing.customer.CustomerRequest.PaymentTermsRequest;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;

/**
 * Registers and finds customers of one tenant; the tenant is always an argument, never a default.
 */
@ApplicationScoped
public class CustomerService {

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Clock clock;

  @Transactional
  public Customer register(String tenantId, CustomerRequest request) {
    if (Money.currency(request.currency()).isEmpty()) {
      throw ProblemException.invalid("currency", "is not an ISO 4217 currency");
    }
    if (Customer.count("tenantId = ?1 and externalRef = ?2", tenantId, request.externalRef()) > 0) {
      throw ProblemException.conflict(
          "A customer with externalRef " + request.externalRef() + " already exists");
    }
    Customer c = new Customer();
    c.id = UUID.randomUUID();
    c.tenantId = tenantId;
    c.externalRef = request.externalRef();
    c.name = request.name();
    c.legalId = request.legalId();
    c.country = request.country();
    c.currency = request.currency();
    c.language = request.language();
    c.email = request.email();
    c.phone = request.phone();
    c.segment = request.segment();
    applyTerms(c, request.paymentTerms());
    c.createdAt = Instant.now(clock);
    c.persist();
    flushOrConflict("A customer with externalRef " + request.externalRef() + " already exists");
    outbox.record(Topics.INVOICING, registered(c));
    return c;
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
    int size = Cursor.limit(limit);
    String after = Cursor.decode(cursor);
    StringBuilder where = new StringBuilder("tenantId = :tenant");
    if (externalRef != null) {
      where.append(" and externalRef = :ref");
    }
    if (after != null) {
      where.append(" and id > :after");
    }
    var query = em.createQuery("from Customer where " + where + " order by id", Customer.class);
    query.setParameter("tenant", tenantId);
    if (externalRef != null) {
      query.setParameter("ref", externalRef);
    }
    if (after != null) {
      query.setParameter("after", parseCursorId(after));
    }
    List<Customer> rows = query.setMaxResults(size + 1).getResultList();
    return Page.of(rows, size, c -> c.id.toString());
  }

  private static UUID parseCursorId(String key) {
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
  }

  private void flushOrConflict(String detail) {
    try {
      em.flush();
    } catch (jakarta.persistence.PersistenceException e) {
      if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
        throw ProblemException.conflict(detail);
      }
      throw e;
    }
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
