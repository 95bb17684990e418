package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.ScoreChanged;
import org.receivables.kit.time.BusinessCalendar;

/** Customer facts the KPIs narrow by (segment) or show (name), and scores for the forecast. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEvents {

  @Inject CustomerRepository customers;
  @Inject AggregateWriter aggregates;
  @Inject BusinessCalendar.TimeConfig time;

  void onRegistered(CustomerRegistered e) {
    facts(e.tenantId(), e.customerId(), e.externalRef(), e.name(), e.segment());
  }

  /** The credit hold is scoring's fact alone ({@link CreditHoldChanged}), no longer echoed here. */
  void onUpdated(CustomerUpdated e) {
    facts(e.tenantId(), e.customerId(), e.externalRef(), e.name(), e.segment());
  }

  /**
   * Name and segment, kept for the batch's one write of its customers ({@link
   * SegmentAggregates#writeCustomers}); a customer that changes segment takes its figures along.
   */
  private void facts(String tenantId, String customerId, String ref, String name, String segment) {
    aggregates
        .pending()
        .customerFacts
        .put(
            new PendingAggregates.CustomerKey(tenantId, UUID.fromString(customerId)),
            new PendingAggregates.CustomerFacts(ref, name, CustomerRepository.segment(segment)));
  }

  /** The name goes, from the row and from the batch's facts not written yet. */
  void onErased(CustomerPersonalDataErased e) {
    aggregates
        .pending()
        .customerFacts
        .computeIfPresent(
            new PendingAggregates.CustomerKey(e.tenantId(), UUID.fromString(e.customerId())),
            (k, f) -> new PendingAggregates.CustomerFacts(f.externalRef(), null, f.segment()));
    customers.erasePersonalData(e.tenantId(), e.customerId());
  }

  /** Kept for the batch's one write of holds: the latest of each customer counts. */
  void onCreditHold(CreditHoldChanged e) {
    aggregates
        .pending()
        .holds
        .put(
            new PendingAggregates.CustomerKey(e.tenantId(), UUID.fromString(e.customerId())),
            e.onHold());
  }

  /**
   * Kept for the batch's one write of scores (the latest of each customer counts) and of the score
   * history the forecast reads (every one; the first of a customer and instant stays).
   */
  void onScore(ScoreChanged e) {
    Instant at = e.computedAt() != null ? e.computedAt() : Instant.EPOCH;
    UUID customer = UUID.fromString(e.customerId());
    PendingAggregates pending = aggregates.pending();
    pending.scores.put(
        new PendingAggregates.CustomerKey(e.tenantId(), customer),
        new PendingAggregates.Score(e.score(), e.riskClass(), e.probabilityOfDefault()));
    pending.scoreHistory.add(
        new Object[] {
          e.tenantId(),
          customer,
          at,
          Days.of(at, time.defaultZone()),
          e.score(),
          e.riskClass(),
          e.probabilityOfDefault()
        });
  }
}
