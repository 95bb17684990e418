package org.receivables.scoring.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.Figures;
import org.receivables.scoring.financials.FinancialStatement;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.hold.HoldRules;
import org.receivables.scoring.ledger.CustomerFactsChanged;
import org.receivables.scoring.ledger.CustomerRepository;
import org.receivables.scoring.ledger.LedgerRepository;

/**
 * Gathers a customer's inputs, runs the {@link Scorecard} and the limit policy, and keeps the
 * stored score, its history and the {@code ScoreChanged} events in step with them.
 */
@ApplicationScoped
public class ScoreService {

  @Inject ScoreRepository repository;
  @Inject CustomerFiles files;
  @Inject LedgerRepository ledger;
  @Inject CustomerRepository customers;
  @Inject CreditHolds holds;
  @Inject ScoringConfig config;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject BusinessCalendar calendar;
  @Inject ScoringModel model;

  /** Everything computed for one customer on one date. */
  public record Evaluation(
      CustomerRepository.Customer customer,
      String currency,
      PaymentBehaviour behaviour,
      ScoreResult result,
      CreditLimitPolicy.Recommendation recommendation,
      BigDecimal override,
      BigDecimal creditLimit,
      LocalDate rescoreOn) {}

  /** The customer as scoring knows it, or 404 as if another tenant's customer did not exist. */
  public CustomerRepository.Customer customer(String tenant, String customerId) {
    return customers
        .customer(tenant, customerId)
        .orElseThrow(() -> ProblemException.notFound("Customer", customerId));
  }

  /** The customer's score, limit and behaviour as of {@code asOf}, not stored; 404 if unknown. */
  public Evaluation evaluate(String tenant, String customerId, LocalDate asOf) {
    return evaluate(file(tenant, customerId, asOf), asOf);
  }

  /**
   * Everything a score or a decision is computed from, in one round trip, or 404 as if another
   * tenant's customer did not exist.
   */
  public CustomerFile file(String tenant, String customerId, LocalDate asOf) {
    return files
        .read(tenant, customerId, asOf)
        .orElseThrow(() -> ProblemException.notFound("Customer", customerId));
  }

  /**
   * What a customer's score is computed from: one customer's file ({@link #file}), or what a batch
   * read at once for every customer it rescores ({@link BatchRescore}).
   *
   * @param statement the figures of the latest statement of a fiscal year ended by the as-of date,
   *     or null
   * @param rating the latest rating dated by the as-of date, or null
   * @param sector the risk of the customer's segment, or null
   * @param override the credit manager's limit in force, or null
   */
  public record Inputs(
      String currency,
      List<InvoiceHistory> invoices,
      CollectionFacts facts,
      Figures statement,
      ExternalScore rating,
      SectorRiskLevel sector,
      BigDecimal override) {}

  /**
   * {@link #evaluate(String, String, LocalDate)} of a file the caller has read as of {@code asOf}.
   */
  public Evaluation evaluate(CustomerFile f, LocalDate asOf) {
    return evaluate(
        f.customer(),
        asOf,
        new Inputs(
            currencyOf(f),
            f.invoices(),
            f.collection(),
            f.statement(),
            f.rating(),
            f.sector(),
            f.override()));
  }

  /** The scorecard, the limit policy and the override on inputs already read: no database. */
  public Evaluation evaluate(CustomerRepository.Customer c, LocalDate asOf, Inputs in) {
    String currency = in.currency();
    List<InvoiceHistory> invoices = in.invoices();
    CollectionFacts facts = in.facts();
    PaymentBehaviour behaviour = PaymentBehaviour.of(asOf, currency, invoices, facts);
    Figures statement = in.statement();
    Analysis fin = statement == null ? null : Analysis.of(statement);
    ExternalScore ext = in.rating();
    ScoreInputs inputs = new ScoreInputs(asOf, behaviour, fin, ext, c.segment(), in.sector());
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
    BigDecimal override = in.override();
    BigDecimal limit = Money.round(override != null ? override : rec.limit(), currency);
    return new Evaluation(
        c,
        currency,
        behaviour,
        result,
        new CreditLimitPolicy.Recommendation(Money.round(rec.limit(), currency), rec.basis()),
        override == null ? null : Money.round(override, currency),
        limit,
        aging(asOf, invoices, facts, statement, ext));
  }

  /** When this evaluation may age without a new fact ({@link ScoreAging}). */
  private LocalDate aging(
      LocalDate asOf,
      List<InvoiceHistory> invoices,
      CollectionFacts facts,
      Figures statement,
      ExternalScore rating) {
    ScoreAging aging = new ScoreAging(asOf).facts(facts);
    invoices.forEach(aging::invoice);
    if (statement != null) {
      aging.expires(statement.fiscalYearEnd(), config.financials().maxAgeMonths());
    }
    if (rating != null) {
      aging.expires(rating.ratedOn(), config.external().maxAgeMonths());
    }
    return aging.rescoreOn();
  }

  public ScoringConfig.ClassPolicy policy(RiskClass riskClass) {
    ScoringConfig.ClassPolicy p = config.policy().get(riskClass.name());
    if (p == null) {
      throw new IllegalStateException("No scoring.policy." + riskClass + ".* configured");
    }
    return p;
  }

  /** {@link #currencyOf(CustomerRepository.Customer)} from a file that holds the invoices. */
  private String currencyOf(CustomerFile f) {
    String own = f.customer().currency();
    if (own != null && Money.currency(own).isPresent()) {
      return own;
    }
    return f.invoices().stream()
        .findFirst()
        .map(InvoiceHistory::currency)
        .filter(cur -> Money.currency(cur).isPresent())
        .orElse(config.defaultCurrency());
  }

  public String currencyOf(CustomerRepository.Customer c) {
    if (c.currency() != null && Money.currency(c.currency()).isPresent()) {
      return c.currency();
    }
    return currencyOf(c, ledger.invoiceCurrency(c.tenantId(), c.customerId()));
  }

  /**
   * The customer's own currency when valid, else its first invoice's when valid, else the default.
   */
  String currencyOf(CustomerRepository.Customer c, Optional<String> firstInvoiceCurrency) {
    if (c.currency() != null && Money.currency(c.currency()).isPresent()) {
      return c.currency();
    }
    return firstInvoiceCurrency
        .filter(cur -> Money.currency(cur).isPresent())
        .orElse(config.defaultCurrency());
  }

  /**
   * Recomputes and stores the customer's score as of today; records history and announces it when
   * score, class or limit changed ({@link ScoreRevision}); applies the hold policy when the class
   * changed. No-op for a customer scoring has never seen.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<StoredScore> recompute(String tenant, String customerId, String trigger) {
    if (customers.lock(tenant, customerId).isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = calendar.today();
    Evaluation e = evaluate(tenant, customerId, today);
    Optional<StoredScore> previous = repository.stored(tenant, customerId);
    Instant now = Instant.now(clock);
    StoredScore next = ScoreRepository.of(customerId, e, today, now);
    repository.save(tenant, customerId, next, e.rescoreOn(), model.digest());
    if (ScoreRevision.isNews(previous.map(ScoreService::figures).orElse(null), figures(next))) {
      repository.keep(tenant, customerId, next, trigger);
      outbox.record(Topics.SCORING, changed(tenant, customerId, next, now));
    }
    RiskClass before = previous.map(StoredScore::riskClass).orElse(null);
    if (before != next.riskClass()) {
      applyHoldPolicy(tenant, customerId, before, e.result());
    }
    return repository.stored(tenant, customerId);
  }

  /** Rescores a customer whose statement, rating or sector changed, in the caller's transaction. */
  void onFactsChanged(@Observes CustomerFactsChanged change) {
    recompute(change.tenantId(), change.customerId(), change.trigger());
  }

  /** The event telling that a customer's score changed to {@code next}. */
  static ScoreChanged changed(String tenant, String customerId, StoredScore next, Instant now) {
    return new ScoreChanged(
        tenant,
        customerId,
        next.score(),
        next.riskClass().name(),
        next.probabilityOfDefault(),
        next.creditLimit(),
        next.currency(),
        now);
  }

  static ScoreRevision.Figures figures(StoredScore s) {
    return new ScoreRevision.Figures(s.score(), s.riskClass(), s.creditLimit(), s.currency());
  }

  /** Places or lifts the policy's hold on a class change, as {@link HoldRules} says. */
  private void applyHoldPolicy(String tenant, String customerId, RiskClass before, ScoreResult r) {
    switch (holdMove(before, r.riskClass(), holds.current(tenant, customerId))) {
      case PLACE -> holds.set(tenant, customerId, true, holdReason(r, true), HoldRules.POLICY);
      case LIFT -> holds.set(tenant, customerId, false, holdReason(r, false), HoldRules.POLICY);
      case NONE -> {
        // nothing for the policy to do
      }
    }
  }

  /** What the credit policy does to the hold of a customer that moved between these classes. */
  HoldRules.PolicyMove holdMove(
      RiskClass before, RiskClass after, Optional<CreditHolds.Change> current) {
    return HoldRules.onClassChange(
        before != null && policy(before).autoHold(), policy(after).autoHold(), current);
  }

  /** The reason the policy gives when it places ({@code place}) or lifts a hold. */
  static String holdReason(ScoreResult r, boolean place) {
    String cause = "Risk class " + r.riskClass() + " (score " + r.score() + "): ";
    return cause
        + (place ? "the credit policy holds credit" : "the credit policy no longer holds credit");
  }

  public Optional<StoredScore> stored(String tenant, String customerId) {
    return repository.stored(tenant, customerId);
  }

  /** The score history, newest first, after the history row id {@code beforeId} (keyset). */
  public List<ScoreRepository.HistoryRow> history(
      String tenant, String customerId, Long beforeId, int limit) {
    return repository.history(tenant, customerId, beforeId, limit);
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
}
