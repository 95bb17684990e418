package org.receivables.kpi.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.receivables.kpi.formula.TargetVariance.Comparison;

/** Targets per tenant, one per KPI. */
@ApplicationScoped
public class TargetService {

  @Inject EntityManager em;

  public List<Target> list(String tenantId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select kpi, comparison, value, updated_at, updated_by from kpi_target where"
                    + " tenant_id = :tenant order by kpi")
            .setParameter("tenant", tenantId)
            .getResultList();
    List<Target> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Target(
              Kpi.valueOf((String) r[0]),
              Comparison.valueOf((String) r[1]),
              (BigDecimal) r[2],
              instant(r[3]),
              (String) r[4]));
    }
    return out;
  }

  @Transactional
  public Target set(String tenantId, Kpi kpi, TargetRequest request, String who) {
    Comparison comparison = request.comparison() == null ? kpi.better() : request.comparison();
    Instant now = Instant.now();
    em.createNativeQuery(
            "insert into kpi_target (tenant_id, kpi, comparison, value, updated_at, updated_by)"
                + " values (:tenant, :kpi, :comparison, :value, :at, :who) on conflict (tenant_id,"
                + " kpi) do update set comparison = excluded.comparison, value = excluded.value,"
                + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")
        .setParameter("tenant", tenantId)
        .setParameter("kpi", kpi.name())
        .setParameter("comparison", comparison.name())
        .setParameter("value", request.value())
        .setParameter("at", now)
        .setParameter("who", who)
        .executeUpdate();
    return new Target(kpi, comparison, request.value(), now, who);
  }

  @Transactional
  public boolean remove(String tenantId, Kpi kpi) {
    return em.createNativeQuery("delete from kpi_target where tenant_id = :tenant and kpi = :kpi")
            .setParameter("tenant", tenantId)
            .setParameter("kpi", kpi.name())
            .executeUpdate()
        == 1;
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
  }
}
