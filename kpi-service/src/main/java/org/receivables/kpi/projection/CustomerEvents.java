package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
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
  @Inject SegmentAggregates segments;
  @Inject BusinessCalendar.TimeConfig time;

  void onRegistered(CustomerRegistered e) {
    facts(e.tenantId(), e.customerId(), e.externalRef(), e.name(), e.segment());
  }

  /** The credit hold is scoring's fact alone ({@link CreditHoldChanged}), no longer echoed here. */
  void onUpdated(CustomerUpdated e) {
    facts(e.tenantId(), e.customerId(), e.externalRef(), e.name(), e.segment());
  }

  /**
   * Name and segment; a customer that changes segment takes its figures along: what the batch
   * changed so far counts in the old segment, then everything moves to the new one.
   */
  private void facts(String tenantId, String customerId, String ref, String name, String segment) {
    UUID id = UUID.fromString(customerId);
    String before = customers.segment(tenantId, id);
    String after = CustomerRepository.segment(segment);
    boolean moves = !Objects.equals(before, after);
    if (moves) {
      aggregates.flushIfPending(tenantId, id);
    }
    customers.upsert(tenantId, customerId, ref, name, after);
    if (moves) {
      segments.move(tenantId, id, before, after);
    }
  }

  void onErased(CustomerPersonalDataErased e) {
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
