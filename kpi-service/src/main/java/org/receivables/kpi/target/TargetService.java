package org.receivables.kpi.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Targets per tenant, one per KPI: set (or replaced), listed, removed. */
@ApplicationScoped
public class TargetService {

  @Inject TargetRepository targets;
  @Inject Clock clock;

  public List<Target> list(String tenantId) {
    return targets.ofTenant(tenantId).stream().map(TargetEntity::view).toList();
  }

  /** Sets the target; without a comparison, the KPI's better direction ({@link Kpi#better}). */
  @Transactional
  public Target set(String tenantId, Kpi kpi, TargetRequest request, String who) {
    TargetEntity existing = targets.forUpdate(tenantId, kpi);
    TargetEntity target = existing != null ? existing : new TargetEntity();
    target.tenantId = tenantId;
    target.kpi = kpi;
    target.comparison = request.comparison() == null ? kpi.better() : request.comparison();
    target.value = request.value();
    target.updatedAt = clock.instant();
    target.updatedBy = who;
    if (existing == null) {
      targets.persist(target);
    }
    return target.view();
  }

  @Transactional
  public boolean remove(String tenantId, Kpi kpi) {
    return targets.remove(tenantId, kpi);
  }
}
