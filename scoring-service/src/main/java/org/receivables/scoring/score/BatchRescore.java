package org.receivables.scoring.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.DomainEvent;
import org.receivables.events.Topics;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.financials.Figures;
import org.receivables.scoring.financials.FinancialStatement;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.hold.HoldRules;
import org.receivables.scoring.ledger.CustomerRepository.Customer;
import org.receivables.scoring.store.JsonText;

/**
 * Rescores the customers of one tenant that a polled batch changed, together: their facts are read
 * with one query per kind for all of them ({@link BatchReads}), each score is computed in memory by
 * the same rules as {@link ScoreService#recompute} (scorecard, limit policy, {@link ScoreRevision},
 * {@link HoldRules}), and the scores, history rows, holds and events are written with one batched
 * statement each: about fifteen statements per tenant and batch instead of about seventeen per
 * customer. {@link ScoreService#recompute} stays the one-customer path (a filed statement, a
 * rating, the nightly pass) and the reference the batch is tested against.
 */
@ApplicationScoped
public class BatchRescore {

  /** A customer to rescore, what caused it, and the event whose trace its events continue. */
  public record Rescore(String customerId, String trigger, IncomingEvent cause) {}

  private static final String SAVE_SCORES =
      "insert into sc_score (tenant_id, customer_id, score, risk_class, pd, recommended_limit,"
          + " credit_limit, currency, reasons, as_of, computed_at, rescore_on, model) values (?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, customer_id) do update set"
          + " score = excluded.score, risk_class = excluded.risk_class, pd = excluded.pd,"
          + " recommended_limit = excluded.recommended_limit, credit_limit ="
          + " excluded.credit_limit, currency = excluded.currency, reasons = excluded.reasons,"
          + " as_of = excluded.as_of, computed_at = excluded.computed_at, rescore_on ="
          + " excluded.rescore_on, model = excluded.model";

  private static final String KEEP_HISTORY =
      "insert into sc_score_history (tenant_id, customer_id, score, risk_class, pd, credit_limit,"
          + " currency, reasons, as_of, computed_at, trigger) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?)";

  private static final String SET_HOLDS =
      "insert into sc_credit_hold (tenant_id, customer_id, on_hold, reason, changed_by,"
          + " changed_at) values (?, ?, ?, ?, ?, ?)";

  @Inject BatchReads reads;
  @Inject ScoreService scores;
  @Inject ScoringModel model;
  @Inject JsonText json;
  @Inject Outbox outbox;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject BusinessCalendar calendar;

  /**
   * Rescores these customers of {@code tenant} as of today, in the caller's transaction (bound to
   * the tenant); customers scoring has never seen are skipped, as one by one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recompute(String tenant, List<Rescore> rescores) {
    if (rescores.isEmpty()) {
      return;
    }
    Set<String> ids = new HashSet<>();
    rescores.forEach(r -> ids.add(r.customerId()));
    Map<String, Customer> customers = reads.lockCustomers(tenant, ids);
    if (customers.isEmpty()) {
      return;
    }
    Set<String> known = customers.keySet();
    LocalDate today = calendar.today();
    Instant now = Instant.now(clock);
    Map<String, List<InvoiceHistory>> invoices = reads.invoices(tenant, known);
    Map<String, CollectionFacts> facts = reads.facts(tenant, known);
    var statements = reads.statements(tenant, known, today);
    var ratings = reads.ratings(tenant, known, today);
    Set<String> segments = new HashSet<>();
    customers.values().stream()
        .map(Customer::segment)
        .filter(Objects::nonNull)
        .forEach(segments::add);
    var sectors = reads.sectors(tenant, segments);
    Map<String, Optional<BigDecimal>> overrides = reads.overrides(tenant, known);
    Map<String, ScoreRevision.Figures> stored = reads.stored(tenant, known);
    Map<String, CreditHolds.Change> holds = reads.holds(tenant, known);

    String digest = model.digest();
    List<Object[]> scoreRows = new ArrayList<>();
    List<Object[]> historyRows = new ArrayList<>();
    List<Object[]> holdRows = new ArrayList<>();
    Map<String, List<DomainEvent>> eventsByTrace = new LinkedHashMap<>();
    Map<String, IncomingEvent> traceOf = new LinkedHashMap<>();
    for (Rescore r : rescores) {
      Customer c = customers.get(r.customerId());
      if (c == null) {
        continue;
      }
      String id = c.customerId();
      List<InvoiceHistory> own = invoices.getOrDefault(id, List.of());
      ScoreService.Inputs in =
          new ScoreService.Inputs(
              scores.currencyOf(c, own.stream().findFirst().map(InvoiceHistory::currency)),
              own,
              facts.get(id),
              figures(statements.get(id)),
              ratings.get(id),
              c.segment() == null ? null : sectors.get(c.segment()),
              overrides.getOrDefault(id, Optional.empty()).orElse(null));
      ScoreService.Evaluation e = scores.evaluate(c, today, in);
      StoredScore next = ScoreRepository.of(id, e, today, now);
      String reasons = json.write(next.reasons());
      scoreRows.add(
          new Object[] {
            tenant,
            id,
            next.score(),
            next.riskClass().name(),
            next.probabilityOfDefault(),
            next.recommendedLimit(),
            next.creditLimit(),
            next.currency(),
            reasons,
            today,
            now,
            e.rescoreOn(),
            digest
          });
      List<DomainEvent> events = new ArrayList<>(2);
      ScoreRevision.Figures previous = stored.get(id);
      if (ScoreRevision.isNews(previous, ScoreService.figures(next))) {
        historyRows.add(
            new Object[] {
              tenant,
              id,
              next.score(),
              next.riskClass().name(),
              next.probabilityOfDefault(),
              next.creditLimit(),
              next.currency(),
              reasons,
              today,
              now,
              r.trigger()
            });
        events.add(ScoreService.changed(tenant, id, next, now));
      }
      RiskClass before = previous == null ? null : previous.riskClass();
      if (before != next.riskClass()) {
        Optional<CreditHolds.Change> current = Optional.ofNullable(holds.get(id));
        boolean onHold = current.map(CreditHolds.Change::onHold).orElse(false);
        HoldRules.PolicyMove move = scores.holdMove(before, next.riskClass(), current);
        boolean wanted = move == HoldRules.PolicyMove.PLACE;
        if (move != HoldRules.PolicyMove.NONE && HoldRules.changes(onHold, wanted)) {
          String reason = ScoreService.holdReason(e.result(), wanted);
          holdRows.add(new Object[] {tenant, id, wanted, reason, HoldRules.POLICY, now});
          events.add(new CreditHoldChanged(tenant, id, wanted, reason, HoldRules.POLICY, now));
        }
      }
      if (!events.isEmpty()) {
        String trace = r.cause() == null ? "" : String.valueOf(r.cause().traceparent());
        traceOf.putIfAbsent(trace, r.cause());
        eventsByTrace.computeIfAbsent(trace, t -> new ArrayList<>()).addAll(events);
      }
    }
    JdbcBatch.insert(em, SAVE_SCORES, scoreRows);
    JdbcBatch.insert(em, KEEP_HISTORY, historyRows);
    JdbcBatch.insert(em, SET_HOLDS, holdRows);
    // one outbox statement per trace: a bulk import's events share one; each continues its cause's
    eventsByTrace.forEach(
        (trace, events) -> {
          Runnable record = () -> outbox.recordAll(Topics.SCORING, events);
          IncomingEvent cause = traceOf.get(trace);
          if (cause == null) {
            record.run();
          } else {
            cause.inItsTrace(record);
          }
        });
  }

  private static Figures figures(FinancialStatement statement) {
    return statement == null ? null : statement.figures();
  }
}
