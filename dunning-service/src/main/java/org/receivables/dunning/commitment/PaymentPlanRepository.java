package org.receivables.dunning.commitment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Payment plans of a tenant; the invoice index answers "already planned?" without a scan. */
@ApplicationScoped
public class PaymentPlanRepository implements PanacheRepositoryBase<PaymentPlan, UUID> {

  public Optional<PaymentPlan> find(String tenantId, UUID id) {
    return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
  }

  /** Active plans, optionally of one customer, locked when they are about to be closed. */
  public List<PaymentPlan> active(String tenantId, String customerId, boolean forUpdate) {
    var query =
        customerId == null
            ? find("tenantId = ?1 and status = ?2", tenantId, PlanStatus.ACTIVE)
            : find(
                "tenantId = ?1 and status = ?2 and customerId = ?3",
                tenantId,
                PlanStatus.ACTIVE,
                customerId);
    return forUpdate ? query.withLock(LockModeType.PESSIMISTIC_WRITE).list() : query.list();
  }

  public List<PaymentPlan> of(String tenantId, String customerId) {
    return customerId == null
        ? list("tenantId = ?1 order by createdAt, id", tenantId)
        : list("tenantId = ?1 and customerId = ?2 order by createdAt, id", tenantId, customerId);
  }

  public boolean activeCovers(String tenantId, String invoiceId) {
    return count(
            "tenantId = ?1 and status = ?2 and ?3 member of invoiceIds",
            tenantId,
            PlanStatus.ACTIVE,
            invoiceId)
        > 0;
  }

  /** Invoices of plans (kept or completed) that waive interest and the indemnity. */
  public Set<String> feesWaived(String tenantId) {
    Set<String> out = new HashSet<>();
    list("tenantId = ?1 and waiveFees = true and status <> ?2", tenantId, PlanStatus.BROKEN)
        .forEach(p -> out.addAll(p.invoiceIds));
    return out;
  }
}
