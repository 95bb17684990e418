package org.receivables.scoring.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.scoring.ledger.Rows;

/**
 * Credit managers' overrides of the recommended limit. Rows are only ever added: the latest is in
 * force (a null limit clears the override) and all of them are the audit trail.
 */
@ApplicationScoped
public class LimitOverrides {

  @Inject EntityManager em;
  @Inject Clock clock;

  /** One override, or the clearing of one ({@code creditLimit} null). */
  public record Override(
      @Schema(
              nullable = true,
              description = "The limit set; null where this row cleared the override")
          BigDecimal creditLimit,
      String currency,
      String reason,
      String setBy,
      Instant setAt) {}

  public Optional<BigDecimal> inForce(String tenant, String customer) {
    return history(tenant, customer, 1).stream().findFirst().map(Override::creditLimit);
  }

  /** Newest first. */
  public List<Override> history(String tenant, String customer, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select credit_limit, currency, reason, set_by, set_at from sc_limit_override"
                    + " where tenant_id = :t and customer_id = :c order by id desc limit :n")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Override(
                    Rows.decimal(r[0]),
                    Rows.text(r[1]),
                    Rows.text(r[2]),
                    Rows.text(r[3]),
                    Rows.instant(r[4])))
        .toList();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String tenant, String customer, BigDecimal limit, String currency, String reason, String by) {
    em.createNativeQuery(
            "insert into sc_limit_override (tenant_id, customer_id, credit_limit, currency, reason,"
                + " set_by, set_at) values (:t, :c, cast(:limit as numeric), :cur, :reason, :by,"
                + " :at)")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("limit", limit == null ? null : limit.toPlainString())
        .setParameter("cur", currency)
        .setParameter("reason", reason)
        .setParameter("by", by)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }
}
