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

  void onCreditHold(CreditHoldChanged e) {
    customers.creditHold(e.tenantId(), e.customerId(), e.onHold());
  }

  void onScore(ScoreChanged e) {
    Instant at = e.computedAt() != null ? e.computedAt() : Instant.EPOCH;
    customers.score(
        e.tenantId(),
        e.customerId(),
        e.score(),
        e.riskClass(),
        e.probabilityOfDefault(),
        at,
        Days.of(at, time.defaultZone()));
  }
}
