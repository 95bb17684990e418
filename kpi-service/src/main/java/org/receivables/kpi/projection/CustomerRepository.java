package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.kit.jdbc.JdbcBatch;

/**
 * The projected customers: name and segment from invoicing, credit hold and score from scoring,
 * each an upsert, so that the events of either producer may come first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerRepository {

  @Inject EntityManager em;

  /** Upserts the customers' name, reference and segment, in one JDBC batch. */
  void upsertAll(Map<PendingAggregates.CustomerKey, PendingAggregates.CustomerFacts> facts) {
    List<Object[]> rows = new ArrayList<>(facts.size());
    facts.forEach(
        (k, f) ->
            rows.add(
                new Object[] {
                  k.tenantId(), k.customerId(), f.externalRef(), f.name(), f.segment()
                }));
    JdbcBatch.insert(
        em,
        "insert into kpi_customer (tenant_id, customer_id, external_ref, name, segment) values (?,"
            + " ?, ?, ?, ?) on conflict (tenant_id, customer_id) do update set external_ref ="
            + " excluded.external_ref, name = excluded.name, segment = excluded.segment",
        rows);
  }

  /** A segment as kept: a blank one is none (null). */
  static String segment(String segment) {
    return segment == null || segment.isBlank() ? null : segment;
  }

  /** The customer's name is the only personal data kpi holds; its figures stay. */
  public void erasePersonalData(String tenantId, String customerId) {
    em.createNativeQuery(
            "update kpi_customer set name = null where tenant_id = :tenant and customer_id = :id")
        .setParameter("tenant", tenantId)
        .setParameter("id", UUID.fromString(customerId))
        .executeUpdate();
  }

  /**
   * Writes the batch's latest score and hold of each customer (one upsert each, in JDBC batches)
   * and every score's history row, the first of a customer and instant kept.
   */
  void writeScoresAndHolds(PendingAggregates p) {
    List<Object[]> rows = new ArrayList<>();
    p.scores.forEach(
        (k, s) ->
            rows.add(
                new Object[] {
                  k.tenantId(), k.customerId(), s.score(), s.riskClass(), s.probabilityOfDefault()
                }));
    JdbcBatch.insert(
        em,
        "insert into kpi_customer (tenant_id, customer_id, score, risk_class,"
            + " probability_of_default) values (?, ?, ?, ?, ?) on conflict (tenant_id,"
            + " customer_id) do update set score = excluded.score, risk_class ="
            + " excluded.risk_class, probability_of_default = excluded.probability_of_default",
        rows);
    JdbcBatch.insert(
        em,
        "insert into kpi_score_history (tenant_id, customer_id, computed_at, computed_on, score,"
            + " risk_class, probability_of_default) values (?, ?, ?, ?, ?, ?, ?) on conflict do"
            + " nothing",
        p.scoreHistory);
    rows.clear();
    p.holds.forEach((k, onHold) -> rows.add(new Object[] {k.tenantId(), k.customerId(), onHold}));
    JdbcBatch.insert(
        em,
        "insert into kpi_customer (tenant_id, customer_id, credit_hold) values (?, ?, ?) on"
            + " conflict (tenant_id, customer_id) do update set credit_hold ="
            + " excluded.credit_hold",
        rows);
  }
}
