package org.receivables.scoring.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.ledger.CustomerRepository;
import org.receivables.scoring.limit.LimitOverrides;
import org.receivables.scoring.score.CustomerFile;
import org.receivables.scoring.score.ScoreService;
import org.receivables.scoring.score.ScoringConfig;

/** Credit decisions, limit overrides and holds: what a credit manager and an ERP act on. */
@ApplicationScoped
public class CreditService {

  private static final Logger LOG = Logger.getLogger(CreditService.class);
  private static final int AUDIT_ROWS = 50;

  @Inject CreditDecisionRepository decisionLog;
  @Inject ScoreService scores;
  @Inject LimitOverrides overrides;
  @Inject CreditHolds holds;
  @Inject ScoringConfig config;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @Transactional
  public CreditDecisionView decide(String tenant, CreditDecisionRequest request, String by) {
    LocalDate today = calendar.today();
    // one statement reads all the decision needs: each one more would be a round trip on the path
    CustomerFile file = scores.file(tenant, request.customerId(), today);
    CustomerRepository.Customer customer = file.customer();
    ScoreService.Evaluation e = scores.evaluate(file, today);
    String currency = e.currency();
    if (request.currency() != null && !request.currency().equals(currency)) {
      throw ProblemException.invalid(
          "currency",
          "the customer's credit is kept in " + currency + ", not " + request.currency());
    }
    if (!Money.fitsMinorUnits(request.amount(), currency)) {
      throw ProblemException.invalid("amount", "has more decimals than " + currency + " allows");
    }
    BigDecimal exposure = Money.round(e.behaviour().exposure(), currency);
    BigDecimal limit = e.creditLimit();
    CreditHolds.Change hold = file.hold();
    boolean onHold = hold != null && hold.onHold();
    CreditRules.Result result =
        CreditRules.decide(
            new CreditRules.Request(
                request.amount(),
                exposure,
                limit,
                onHold,
                onHold ? hold.reason() : null,
                Money.round(e.behaviour().overdue(), currency),
                e.behaviour().oldestOverdueDays(),
                e.result().riskClass(),
                e.result().score()),
            scores.policy(e.result().riskClass()),
            config.decision());
    CreditDecisionView view =
        new CreditDecisionView(
            UUID.randomUUID(),
            customer.customerId(),
            request.reference(),
            result.decision(),
            Money.round(request.amount(), currency),
            currency,
            exposure,
            limit,
            limit.subtract(exposure).max(BigDecimal.ZERO),
            e.result().score(),
            e.result().riskClass(),
            result.verdicts(),
            by,
            Instant.now(clock));
    decisionLog.log(tenant, view);
    LOG.infof(
        "Credit decision %s for customer %s of tenant %s: %s %s %s",
        view.id(), view.customerId(), tenant, view.decision(), view.amount(), currency);
    return view;
  }

  public List<CreditDecisionView> decisions(
      String tenant, String customerId, Long beforeSeq, int limit) {
    return decisionLog.decisions(tenant, customerId, beforeSeq, limit);
  }

  /** The sequence number of a logged decision, for keyset pagination. */
  public long seqOf(String tenant, UUID id) {
    return decisionLog.seqOf(tenant, id);
  }

  @Transactional
  public CreditLimitView overrideLimit(
      String tenant, String customerId, CreditLimitRequest request, String by) {
    CustomerRepository.Customer customer = scores.customer(tenant, customerId);
    String currency = scores.currencyOf(customer);
    if (request.creditLimit() != null && !Money.fitsMinorUnits(request.creditLimit(), currency)) {
      throw ProblemException.invalid(
          "creditLimit", "has more decimals than " + currency + " allows");
    }
    overrides.record(tenant, customerId, request.creditLimit(), currency, request.reason(), by);
    scores.recompute(
        tenant,
        customerId,
        request.creditLimit() == null ? "limit-override-cleared" : "limit-override");
    return limit(tenant, customerId);
  }

  public CreditLimitView limit(String tenant, String customerId) {
    ScoreService.Evaluation e = scores.evaluate(tenant, customerId, calendar.today());
    ScoringConfig.ClassPolicy policy = scores.policy(e.result().riskClass());
    return new CreditLimitView(
        customerId,
        e.currency(),
        e.result().riskClass(),
        e.recommendation().limit(),
        e.recommendation().basis(),
        e.override(),
        e.creditLimit(),
        policy.maxTermsDays(),
        policy.prepayment(),
        overrides.history(tenant, customerId, AUDIT_ROWS));
  }

  @Transactional
  public CreditHoldView setHold(
      String tenant, String customerId, CreditHoldRequest request, String by) {
    scores.customer(tenant, customerId);
    holds.set(tenant, customerId, request.onHold(), request.reason(), by);
    return hold(tenant, customerId);
  }

  public CreditHoldView hold(String tenant, String customerId) {
    scores.customer(tenant, customerId);
    List<CreditHolds.Change> changes = holds.history(tenant, customerId, AUDIT_ROWS);
    return new CreditHoldView(customerId, !changes.isEmpty() && changes.get(0).onHold(), changes);
  }
}
