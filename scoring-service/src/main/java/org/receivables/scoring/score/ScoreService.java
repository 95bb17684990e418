package org.receivables.scoring.score;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.receivables.events.ScoreChanged;
import org.receivables.events.Topics;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.credit.CreditHolds;
import org.receivables.scoring.credit.CreditLimitPolicy;
import org.receivables.scoring.credit.LimitOverrides;
import org.receivables.scoring.external.ExternalInputs;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.FinancialStatement;
import org.receivables.scoring.ledger.Ledger;
import org.receivables.scoring.ledger.Rows;

/**
 * Gathers a customer's inputs, runs the {@link Scorecard} and the limit policy, and keeps the
 * stored score, its history and the {@code ScoreChanged} events in step with them.
 */
@ApplicationScoped
public class ScoreService {

  @Inject EntityManager em;
  @Inject Ledger ledger;
  @Inject ExternalInputs external;
  @Inject LimitOverrides overrides;
  @Inject CreditHolds holds;
  @Inject ScoringConfig config;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject BusinessCalendar calendar;
  @Inject ObjectMapper json;

  /** Everything computed for one customer on one date. */
  public record Evaluation(
      Ledger.Customer customer,
      String currency,
      PaymentBehaviour behaviour,
      ScoreResult result,
      CreditLimitPolicy.Recommendation recommendation,
      BigDecimal override,
      BigDecimal creditLimit) {}

  /** The customer as scoring knows it, or 404 as if another tenant's customer did not exist. */
  public Ledger.Customer customer(String tenant, String customerId) {
    return ledger
        .customer(tenant, customerId)
        .orElseThrow(() -> ProblemException.notFound("Customer", customerId));
  }

  public Evaluation evaluate(String tenant, String customerId, LocalDate asOf) {
    Ledger.Customer c = customer(tenant, customerId);
    String currency = currencyOf(c);
    PaymentBehaviour behaviour =
        PaymentBehaviour.of(
            asOf, currency, ledger.invoices(tenant, customerId), ledger.facts(tenant, customerId));
    Analysis fin =
        latestStatement(tenant, customerId, asOf).map(s -> Analysis.of(s.figures())).orElse(null);
    ExternalScore ext =
        external
            .latestRating(tenant, customerId, asOf)
            .map(ExternalInputs.RecordedRating::rating)
            .orElse(null);
    SectorRiskLevel sector = external.sectorLevel(tenant, c.segment()).orElse(null);
    ScoreInputs inputs = new ScoreInputs(asOf, behaviour, fin, ext, c.segment(), sector);
    Scorecard scorecard = new Scorecard(config);
    ScoreResult result = scorecard.score(inputs);
    CreditLimitPolicy.Recommendation rec =
        CreditLimitPolicy.recommend(
            result.riskClass(),
            policy(result.riskClass()),
            behaviour,
            scorecard.currentFinancials(inputs),
            currency,
            config.decision().limitRounding());
    BigDecimal override = overrides.inForce(tenant, customerId).orElse(null);
    BigDecimal limit = Money.round(override != null ? override : rec.limit(), currency);
    return new Evaluation(
        c,
        currency,
        behaviour,
        result,
        new CreditLimitPolicy.Recommendation(Money.round(rec.limit(), currency), rec.basis()),
        override == null ? null : Money.round(override, currency),
        limit);
  }

  public ScoringConfig.ClassPolicy policy(RiskClass riskClass) {
    ScoringConfig.ClassPolicy p = config.policy().get(riskClass.name());
    if (p == null) {
      throw new IllegalStateException("No scoring.policy." + riskClass + ".* configured");
    }
    return p;
  }

  public String currencyOf(Ledger.Customer c) {
    if (c.currency() != null && Money.currency(c.currency()).isPresent()) {
      return c.currency();
    }
    return ledger
        .invoiceCurrency(c.tenantId(), c.customerId())
        .filter(cur -> Money.currency(cur).isPresent())
        .orElse(config.defaultCurrency());
  }

  /**
   * Recomputes and stores the customer's score as of today; records history and announces it when
   * score, class or limit changed; applies the hold policy when the class changed. No-op for a
   * customer scoring has never seen.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<StoredScore> recompute(String tenant, String customerId, String trigger) {
    if (ledger.lock(tenant, customerId).isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = calendar.today();
    Evaluation e = evaluate(tenant, customerId, today);
    Optional<StoredScore> previous = stored(tenant, customerId);
    Instant now = Instant.now(clock);
    ScoreResult r = e.result();
    String reasons = write(r.reasons());
    em.createNativeQuery(
            "insert into sc_score (tenant_id, customer_id, score, risk_class, pd, recommended_limit,"
                + " credit_limit, currency, reasons, as_of, computed_at) values (:t, :c, :score,"
                + " :class, :pd, :rec, :limit, :cur, :reasons, :asOf, :at) on conflict (tenant_id,"
                + " customer_id) do update set score = excluded.score, risk_class ="
                + " excluded.risk_class, pd = excluded.pd, recommended_limit ="
                + " excluded.recommended_limit, credit_limit = excluded.credit_limit, currency ="
                + " excluded.currency, reasons = excluded.reasons, as_of = excluded.as_of,"
                + " computed_at = excluded.computed_at")
        .setParameter("t", tenant)
        .setParameter("c", customerId)
        .setParameter("score", r.score())
        .setParameter("class", r.riskClass().name())
        .setParameter("pd", r.probabilityOfDefault())
        .setParameter("rec", e.recommendation().limit())
        .setParameter("limit", e.creditLimit())
        .setParameter("cur", e.currency())
        .setParameter("reasons", reasons)
        .setParameter("asOf", today)
        .setParameter("at", now)
        .executeUpdate();
    boolean changed =
        previous.isEmpty()
            || previous.get().score() != r.score()
            || previous.get().riskClass() != r.riskClass()
            || previous.get().creditLimit().compareTo(e.creditLimit()) != 0
            || !previous.get().currency().equals(e.currency());
    if (changed) {
      em.createNativeQuery(
              "insert into sc_score_history (tenant_id, customer_id, score, risk_class, pd,"
                  + " credit_limit, currency, reasons, as_of, computed_at, trigger) values (:t, :c,"
                  + " :score, :class, :pd, :limit, :cur, :reasons, :asOf, :at, :trigger)")
          .setParameter("t", tenant)
          .setParameter("c", customerId)
          .setParameter("score", r.score())
          .setParameter("class", r.riskClass().name())
          .setParameter("pd", r.probabilityOfDefault())
          .setParameter("limit", e.creditLimit())
          .setParameter("cur", e.currency())
          .setParameter("reasons", reasons)
          .setParameter("asOf", today)
          .setParameter("at", now)
          .setParameter("trigger", trigger)
          .executeUpdate();
      outbox.record(
          Topics.SCORING,
          new ScoreChanged(
              tenant,
              customerId,
              r.score(),
              r.riskClass().name(),
              r.probabilityOfDefault(),
              e.creditLimit(),
              e.currency(),
              now));
    }
    RiskClass before = previous.map(StoredScore::riskClass).orElse(null);
    if (before != r.riskClass()) {
      applyHoldPolicy(tenant, customerId, before, r);
    }
    return stored(tenant, customerId);
  }

  /**
   * Entering a class whose policy holds credit places a hold; leaving it lifts a hold the policy
   * itself placed. Holds placed by dunning or by a credit manager stay until a credit manager
   * releases them.
   */
  private void applyHoldPolicy(String tenant, String customerId, RiskClass before, ScoreResult r) {
    boolean holdsNow = policy(r.riskClass()).autoHold();
    boolean heldBefore = before != null && policy(before).autoHold();
    if (holdsNow && !heldBefore) {
      holds.set(
          tenant,
          customerId,
          true,
          "Risk class "
              + r.riskClass()
              + " (score "
              + r.score()
              + "): the credit policy holds credit",
          CreditHolds.POLICY);
    } else if (!holdsNow && heldBefore) {
      holds
          .current(tenant, customerId)
          .filter(h -> h.onHold() && CreditHolds.POLICY.equals(h.changedBy()))
          .ifPresent(
              h ->
                  holds.set(
                      tenant,
                      customerId,
                      false,
                      "Risk class "
                          + r.riskClass()
                          + " (score "
                          + r.score()
                          + "): the credit policy no longer holds credit",
                      CreditHolds.POLICY));
    }
  }

  public Optional<StoredScore> stored(String tenant, String customerId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select score, risk_class, pd, recommended_limit, credit_limit, currency, reasons,"
                    + " as_of, computed_at from sc_score where tenant_id = :t and customer_id = :c")
            .setParameter("t", tenant)
            .setParameter("c", customerId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r -> {
              String currency = Rows.text(r[5]);
              return new StoredScore(
                  customerId,
                  ((Number) r[0]).intValue(),
                  RiskClass.valueOf(Rows.text(r[1])),
                  Rows.decimal(r[2]).setScale(4, java.math.RoundingMode.HALF_UP),
                  Money.round(Rows.decimal(r[3]), currency),
                  Money.round(Rows.decimal(r[4]), currency),
                  currency,
                  read(Rows.text(r[6])),
                  Rows.date(r[7]),
                  Rows.instant(r[8]));
            });
  }

  /** The score history, newest first, after the history row id {@code beforeId} (keyset). */
  public List<Object[]> history(String tenant, String customerId, Long beforeId, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, score, risk_class, pd, credit_limit, currency, as_of, computed_at,"
                    + " trigger, reasons from sc_score_history where tenant_id = :t and customer_id"
                    + " = :c and id < :before order by id desc limit :n")
            .setParameter("t", tenant)
            .setParameter("c", customerId)
            .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
            .setParameter("n", limit)
            .getResultList();
    return rows;
  }

  /** The latest statement whose fiscal year ended on or before {@code asOf}. */
  public Optional<FinancialStatement> latestStatement(
      String tenant, String customerId, LocalDate asOf) {
    return FinancialStatement.<FinancialStatement>find(
            "tenantId = ?1 and customerId = ?2 and fiscalYearEnd <= ?3 order by fiscalYearEnd desc",
            tenant,
            customerId,
            asOf)
        .firstResultOptional();
  }

  String write(List<Reason> reasons) {
    try {
      return json.writeValueAsString(reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Reason> read(String reasons) {
    try {
      return json.readValue(reasons, new TypeReference<List<Reason>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored reasons cannot be read", e);
    }
  }
}
