package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

  public void creditHold(String tenantId, String customerId, boolean onHold) {
    em.createNativeQuery(
            "insert into kpi_customer (tenant_id, customer_id, credit_hold) values (:tenant, :id,"
                + " :hold) on conflict (tenant_id, customer_id) do update set credit_hold ="
                + " excluded.credit_hold")
        .setParameter("tenant", tenantId)
        .setParameter("id", UUID.fromString(customerId))
        .setParameter("hold", onHold)
        .executeUpdate();
  }

  /** The customer's current score, and the score's history kept for the forecast as of a date. */
  public void score(
      String tenantId,
      String customerId,
      int score,
      String riskClass,
      BigDecimal probabilityOfDefault,
      Instant at,
      LocalDate on) {
    UUID customer = UUID.fromString(customerId);
    em.createNativeQuery(
            "insert into kpi_customer (tenant_id, customer_id, score, risk_class,"
                + " probability_of_default) values (:tenant, :id, :score, :risk, :pd) on conflict"
                + " (tenant_id, customer_id) do update set score = excluded.score, risk_class ="
                + " excluded.risk_class, probability_of_default = excluded.probability_of_default")
        .setParameter("tenant", tenantId)
        .setParameter("id", customer)
        .setParameter("score", score)
        .setParameter("risk", riskClass)
        .setParameter("pd", probabilityOfDefault)
        .executeUpdate();
    em.createNativeQuery(
            "insert into kpi_score_history (tenant_id, customer_id, computed_at, computed_on,"
                + " score, risk_class, probability_of_default) values (:tenant, :id, :at, :on,"
                + " :score, :risk, :pd) on conflict do nothing")
        .setParameter("tenant", tenantId)
        .setParameter("id", customer)
        .setParameter("at", at)
        .setParameter("on", on)
        .setParameter("score", score)
        .setParameter("risk", riskClass)
        .setParameter("pd", probabilityOfDefault)
        .executeUpdate();
  }
}
