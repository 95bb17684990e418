package org.receivables.kpi.target;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** The tenants' targets. */
@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<TargetEntity, TargetEntity.Key> {

  /** Lock namespace of target changes (the tenant lock of the projection is another). */
  private static final int NAMESPACE = 6_000_007;

  public List<TargetEntity> ofTenant(String tenantId) {
    return list("tenantId = ?1 order by kpi", tenantId);
  }

  /**
   * The tenant's target of this KPI, or null, with the tenant's target changes serialised until the
   * end of the transaction: two first settings of one target never both insert it.
   */
  public TargetEntity forUpdate(String tenantId, Kpi kpi) {
    getEntityManager()
        .createNativeQuery("select pg_advisory_xact_lock(:ns, hashtext(:tenant))")
        .setParameter("ns", NAMESPACE)
        .setParameter("tenant", tenantId)
        .getSingleResult();
    return findById(new TargetEntity.Key(tenantId, kpi), LockModeType.PESSIMISTIC_WRITE);
  }

  public boolean remove(String tenantId, Kpi kpi) {
    return delete("tenantId = ?1 and kpi = ?2", tenantId, kpi) == 1;
  }
}
