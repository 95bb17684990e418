package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/** What the figures need to know of the tenant's customers: names, segments, scores over time. */
@ApplicationScoped
public class CustomerFactsRepository {

  private record Probability(UUID customerId, BigDecimal probabilityOfDefault) {}

  private record Name(UUID customerId, String name) {}

  @Inject EntityManager em;

  /** The probability of default each customer had as of {@code asOf}, when scored by then. */
  public Map<UUID, BigDecimal> probabilitiesOfDefault(String tenantId, LocalDate asOf) {
    List<Probability> rows =
        NamedRows.list(
            em.createNativeQuery(
                    "select distinct on (customer_id) customer_id, probability_of_default from"
                        + " kpi_score_history where tenant_id = :tenant and computed_on <= :asOf"
                        + " order by customer_id, computed_at desc",
                    Tuple.class)
                .setParameter("tenant", tenantId)
                .setParameter("asOf", asOf),
            Probability.class,
            Columns.Nulls.FAIL);
    Map<UUID, BigDecimal> out = new HashMap<>();
    for (Probability r : rows) {
      if (r.probabilityOfDefault() != null) {
        out.put(r.customerId(), r.probabilityOfDefault());
      }
    }
    return out;
  }

  /** Names of the tenant's customers among {@code ids} (the external reference once erased). */
  public Map<UUID, String> customerNames(String tenantId, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Name> rows =
        NamedRows.list(
            em.createNativeQuery(
                    "select customer_id, coalesce(name, external_ref) as name from kpi_customer"
                        + " where tenant_id = :tenant and customer_id in (:ids)",
                    Tuple.class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", ids),
            Name.class,
            Columns.Nulls.FAIL);
    Map<UUID, String> out = new HashMap<>();
    rows.forEach(r -> out.put(r.customerId(), r.name()));
    return out;
  }

  /**
   * The segments the tenant's customers belong to: a skip scan over the index on (tenant, segment),
   * one probe per segment, not a read of every customer.
   */
  public List<String> segments(String tenantId) {
    return NamedRows.column(
        em.createNativeQuery(
                "with recursive s(segment) as ((select segment from kpi_customer where tenant_id ="
                    + " :tenant and segment is not null order by segment limit 1) union all"
                    + " select (select c.segment from kpi_customer c where c.tenant_id = :tenant"
                    + " and c.segment > s.segment order by c.segment limit 1) from s where"
                    + " s.segment is not null) select segment from s where segment is not null")
            .setParameter("tenant", tenantId),
        String.class);
  }
}
