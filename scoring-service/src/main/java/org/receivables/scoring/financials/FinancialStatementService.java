package org.receivables.scoring.financials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.ledger.CustomerFactsChanged;
import org.receivables.scoring.ledger.CustomerRepository;

/**
 * Files statements, one per customer and fiscal year: filing the same year again is a restatement
 * that replaces it. The customer's score is recomputed in the same transaction (through {@link
 * CustomerFactsChanged}).
 */
@ApplicationScoped
public class FinancialStatementService {

  @Inject CustomerRepository ledger;
  @Inject Event<CustomerFactsChanged> factsChanged;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  /** The filed statement, and whether it replaced an earlier filing of the same year. */
  public record Filed(FinancialStatement statement, boolean restated) {}

  /**
   * A statement may arrive before the customer's registration event (the ERP registers in
   * invoicing, then files here at once): the customer is then known from the statement alone until
   * its registration arrives.
   */
  @Transactional
  public Filed file(String tenant, StatementRequest request, String by) {
    Figures f = request.figures();
    List<Problem.FieldError> problems = StatementCheck.problems(f, calendar.today());
    if (!problems.isEmpty()) {
      throw new ProblemException(
          400,
          "Impossible financial statement",
          problems.stream()
              .map(p -> p.field() + ": " + p.message())
              .reduce((a, b) -> a + "; " + b)
              .orElse(""),
          problems);
    }
    ledger.ensureCustomer(tenant, request.customerId(), null);
    Optional<FinancialStatement> existing =
        FinancialStatement.<FinancialStatement>find(
                "tenantId = ?1 and customerId = ?2 and fiscalYearEnd = ?3",
                tenant,
                request.customerId(),
                request.fiscalYearEnd())
            .firstResultOptional();
    FinancialStatement s = existing.orElseGet(FinancialStatement::new);
    if (existing.isEmpty()) {
      s.id = UUID.randomUUID();
      s.tenantId = tenant;
      s.customerId = request.customerId();
      s.fiscalYearEnd = request.fiscalYearEnd();
    }
    s.currency = f.currency();
    s.totalAssets = f.totalAssets();
    s.currentAssets = f.currentAssets();
    s.cash = f.cash();
    s.inventories = f.inventories();
    s.totalLiabilities = f.totalLiabilities();
    s.currentLiabilities = f.currentLiabilities();
    s.equity = f.equity();
    s.revenue = f.revenue();
    s.ebit = f.ebit();
    s.interestExpense = f.interestExpense();
    s.netIncome = f.netIncome();
    s.retainedEarnings = f.retainedEarnings();
    s.submittedBy = by;
    s.submittedAt = Instant.now(clock);
    s.persist();
    s.flush();
    factsChanged.fire(
        new CustomerFactsChanged(tenant, request.customerId(), "financial-statement"));
    return new Filed(s, existing.isPresent());
  }

  public FinancialStatement get(String tenant, UUID id) {
    FinancialStatement s = FinancialStatement.findById(id);
    if (s == null || !s.tenantId.equals(tenant)) {
      throw ProblemException.notFound("Financial statement", id);
    }
    return s;
  }

  /** A customer's statements, latest fiscal year first. */
  public Page<FinancialStatement> list(
      String tenant, String customerId, String cursor, Integer limit) {
    if (customerId == null || customerId.isBlank()) {
      throw ProblemException.invalid("customerId", "is required");
    }
    int size = Cursor.limit(limit);
    String after = Cursor.decode(cursor);
    LocalDate before;
    try {
      before = after == null ? LocalDate.of(9999, 12, 31) : LocalDate.parse(after);
    } catch (java.time.DateTimeException e) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
    List<FinancialStatement> rows =
        FinancialStatement.<FinancialStatement>find(
                "tenantId = ?1 and customerId = ?2 and fiscalYearEnd < ?3 order by fiscalYearEnd desc",
                tenant,
                customerId,
                before)
            .page(0, size + 1)
            .list();
    return Page.of(rows, size, s -> s.fiscalYearEnd.toString());
  }
}
