package org.receivables.scoring.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.ledger.Ledger;
import org.receivables.scoring.ledger.Rows;
import org.receivables.scoring.score.RiskClass;
import org.receivables.scoring.score.ScoreService;
import org.receivables.scoring.score.ScoringConfig;

/** Credit decisions, limit overrides and holds: what a credit manager and an ERP act on. */
@ApplicationScoped
public class CreditService {

  private static final Logger LOG = Logger.getLogger(CreditService.class);
  private static final int AUDIT_ROWS = 50;

  @Inject EntityManager em;
  @Inject ScoreService scores;
  @Inject LimitOverrides overrides;
  @Inject CreditHolds holds;
  @Inject ScoringConfig config;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;
  @Inject ObjectMapper json;

  @Transactional
  public CreditDecisionView decide(String tenant, CreditDecisionRequest request, String by) {
    Ledger.Customer customer = scores.customer(tenant, request.customerId());
    ScoreService.Evaluation e = scores.evaluate(tenant, customer.customerId(), calendar.today());
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
    CreditHolds.Change hold = holds.current(tenant, customer.customerId()).orElse(null);
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
    log(tenant, view);
    LOG.infof(
        "Credit decision %s for customer %s of tenant %s: %s %s %s",
        view.id(), view.customerId(), tenant, view.decision(), view.amount(), currency);
    return view;
  }

  public List<CreditDecisionView> decisions(
      String tenant, String customerId, Long beforeSeq, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, customer_id, reference, decision, amount, currency, exposure,"
                    + " credit_limit, available_credit, score, risk_class, reasons, decided_by,"
                    + " decided_at, seq from sc_credit_decision where tenant_id = :t and"
                    + " customer_id = :c and seq < :before order by seq desc limit :n")
            .setParameter("t", tenant)
            .setParameter("c", customerId)
            .setParameter("before", beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              String cur = Rows.text(r[5]);
              return new CreditDecisionView(
                  (UUID) r[0],
                  Rows.text(r[1]),
                  Rows.text(r[2]),
                  Decision.valueOf(Rows.text(r[3])),
                  Money.round(Rows.decimal(r[4]), cur),
                  cur,
                  Money.round(Rows.decimal(r[6]), cur),
                  Money.round(Rows.decimal(r[7]), cur),
                  Money.round(Rows.decimal(r[8]), cur),
                  ((Number) r[9]).intValue(),
                  RiskClass.valueOf(Rows.text(r[10])),
                  readVerdicts(Rows.text(r[11])),
                  Rows.text(r[12]),
                  Rows.instant(r[13]));
            })
        .toList();
  }

  /** The sequence number of a logged decision, for keyset pagination. */
  public long seqOf(String tenant, UUID id) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("select seq from sc_credit_decision where tenant_id = :t and id = :id")
            .setParameter("t", tenant)
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
    return ((Number) rows.get(0)).longValue();
  }

  @Transactional
  public CreditLimitView overrideLimit(
      String tenant, String customerId, CreditLimitRequest request, String by) {
    Ledger.Customer customer = scores.customer(tenant, customerId);
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

  private void log(String tenant, CreditDecisionView v) {
    em.createNativeQuery(
            "insert into sc_credit_decision (id, tenant_id, customer_id, reference, amount,"
                + " currency, decision, exposure, credit_limit, available_credit, score, risk_class,"
                + " reasons, decided_by, decided_at) values (:id, :t, :c, :ref, :amount, :cur,"
                + " :decision, :exposure, :limit, :available, :score, :class, :reasons, :by, :at)")
        .setParameter("id", v.id())
        .setParameter("t", tenant)
        .setParameter("c", v.customerId())
        .setParameter("ref", v.reference())
        .setParameter("amount", v.amount())
        .setParameter("cur", v.currency())
        .setParameter("decision", v.decision().name())
        .setParameter("exposure", v.exposure())
        .setParameter("limit", v.creditLimit())
        .setParameter("available", v.availableCredit())
        .setParameter("score", v.score())
        .setParameter("class", v.riskClass().name())
        .setParameter("reasons", write(v.reasons()))
        .setParameter("by", v.decidedBy())
        .setParameter("at", v.decidedAt())
        .executeUpdate();
  }

  private String write(List<CreditRules.Verdict> verdicts) {
    try {
      return json.writeValueAsString(verdicts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<CreditRules.Verdict> readVerdicts(String text) {
    try {
      return json.readValue(text, new TypeReference<List<CreditRules.Verdict>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored verdicts cannot be read", e);
    }
  }
}
